using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Figures;

/// <summary>
/// The measure keys and the words that tell, near a number, which measure it counts. A key names what happened and
/// to whom ("killed-security-forces"): counts are compared only within one key, so the dead of all sides are never
/// set against the dead of one side. Words are English and Russian, with the common German, French, Spanish and
/// Italian ones.
/// </summary>
public static class FigureMeasures
{
    public const string Killed = "killed";
    public const string KilledSecurityForces = "killed-security-forces";
    public const string KilledArmedCriminals = "killed-armed-criminals";
    public const string KilledCivilians = "killed-civilians";
    public const string KilledChildren = "killed-children";
    public const string Injured = "injured";
    public const string InjuredPolice = "injured-police";
    public const string InjuredSecurityForces = "injured-security-forces";
    public const string InjuredCivilians = "injured-civilians";
    public const string Hospitalised = "hospitalised";
    public const string Detained = "detained";
    public const string DetainedForeigners = "detained-foreigners";
    public const string TroopsDeployed = "troops-deployed";
    public const string PricePerLitre = "price-per-litre";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [Killed] = "killed",
        [KilledSecurityForces] = "security forces killed",
        [KilledArmedCriminals] = "“armed criminals” killed",
        [KilledCivilians] = "civilians killed",
        [KilledChildren] = "children killed",
        [Injured] = "injured",
        [InjuredPolice] = "police injured",
        [InjuredSecurityForces] = "security forces injured",
        [InjuredCivilians] = "civilians injured",
        [Hospitalised] = "hospitalised",
        [Detained] = "detained",
        [DetainedForeigners] = "foreigners detained",
        [TroopsDeployed] = "troops deployed",
        [PricePerLitre] = "price per litre",
    };

    private static readonly Dictionary<string, string> Bases = new(StringComparer.Ordinal)
    {
        [KilledSecurityForces] = Killed,
        [KilledArmedCriminals] = Killed,
        [KilledCivilians] = Killed,
        [KilledChildren] = Killed,
        [InjuredPolice] = Injured,
        [InjuredSecurityForces] = Injured,
        [InjuredCivilians] = Injured,
        [DetainedForeigners] = Detained,
    };

    /// <summary>What happened, whoever it happened to: "killed" for "killed-security-forces".</summary>
    internal static string Base(string measure) => Bases.GetValueOrDefault(measure, measure);

    /// <summary>A measure key as a reader says it.</summary>
    public static string Label(string measure) => Labels.GetValueOrDefault(measure, measure);

    // Compiled: every figure in every report is read against these; interpreted, they ran several times slower.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>What happened to the people counted; the earliest one after the number wins.</summary>
    internal static readonly IReadOnlyList<(string Measure, Regex Pattern)> Outcomes =
    [
        (Killed, new(@"\b(?:killed|dead|died|deaths?|bodies|liquidated|lost\s+their\s+lives|погиб\w*|убит\w*|ликвидирова\w*|жертв\w*|тел|тела|getötet\w*|tot|Tote\w*|Todesopfer|ums\s+Leben|starben|gestorben|umgekommen|tué(?:e)?s?|morts?|décès|décédé\w*|ont\s+péri|muert[oa]s?|fallecid[oa]s?|murieron|perdieron\s+la\s+vida|asesinad[oa]s|mort[ie]|uccis[ie]|decedut[ie])\b", Options)),
        (Injured, new(@"\b(?:injured|wounded|hurt|injuries|ранен\w*|пострадал\w*|пострадавш\w*|verletzt\w*|Verletzte\w*|verwundet\w*|blessé\w*|herid[oa]s|ferit[io])\b", Options)),
        (Hospitalised, new(@"\b(?:hospitali[sz]ed|in\s+hospital|госпитализирова\w*|hospitalisé\w*|hospitalizad[oa]s|ricoverat[io]|ins\s+Krankenhaus)\b", Options)),
        (Detained, new(@"\b(?:detained|arrested|detentions|arrests|задержа\w*|арестова\w*|festgenommen\w*|Festnahmen|verhaftet\w*|inhaftiert\w*|interpellé\w*|arrêté\w*|interpellations|arrestations|detenid[oa]s|arrestad[oa]s|detenciones|arrestat[ie]|fermat[ie])\b", Options)),
    ];

    /// <summary>A count read backwards: "the death toll rose to 164", "killed more than 40 people".</summary>
    internal static readonly IReadOnlyList<(string Measure, Regex Pattern)> OutcomesBefore =
    [
        (Killed, new(@"\b(?:death\s+toll|toll|killed|killing|погибли|погибло|погибших|жертвами\s+стали|Zahl\s+der\s+Toten|Todeszahl|bilan|cifra\s+de\s+muertos|número\s+de\s+muertos)\b", Options)),
        (Injured, new(@"\b(?:injuring|wounding|injured|wounded|ранены|пострадали)\b", Options)),
        (Detained, new(@"\b(?:detained|arrested|задержали|задержаны|задержано|festgenommen|interpellé\w*|detenid[oa]s)\b", Options)),
    ];

    /// <summary>
    /// The words of a count that is part of another: "of the dead, 19 were police officers", "three of those killed
    /// were minors". The group named is the part's scope.
    /// </summary>
    internal static readonly IReadOnlyList<(string Measure, Regex Pattern)> PartOf =
    [
        (Killed, new(@"\b(?:of|among)\s+(?:the|those|them|whom)\s+(?:(?:people|persons)\s+)?(?:killed|dead|who\s+died)\b|\b(?:из|среди)\s+погибших\b|\b(?:de|entre)\s+los\s+\d*\s*muertos\b", Options)),
        (Injured, new(@"\b(?:of|among)\s+(?:the|those|them|whom)\s+(?:(?:people|persons)\s+)?(?:injured|wounded)\b|\b(?:из|среди)\s+(?:раненых|пострадавших)\b", Options)),
        (Detained, new(@"\b(?:of|among)\s+(?:the|those|them|whom)\s+(?:(?:people|persons)\s+)?(?:detained|arrested)\b|\b(?:из|среди)\s+задержанных\b", Options)),
    ];

    internal static readonly Regex Police = new(@"\b(?:police|policemen|полиц\w*|полицейск\w*|Polizist\w*|policiers|polic[ií]as|poliziotti)", Options);

    internal static readonly Regex SecurityForces = new(
        @"\b(?:police|policemen|security\s+(?:officers|forces|personnel|servicem[ae]n|members|service|services|officials)|law[\s-]+enforcement(?:\s+(?:officers|officials|personnel|agencies))?|officers|servicem[ae]n|soldiers|troops|полиц\w*|полицейск\w*|силовик\w*|сотрудник\w*|военнослужащ\w*|военн\w*|правоохранител\w*|Sicherheitskräfte\w*|Polizist\w*|Soldat\w*|Sicherheitsbeamt\w*|forces\s+de\s+l'ordre|forces\s+de\s+sécurité|policiers|militaires|gendarmes|fuerzas\s+de\s+seguridad|polic[ií]as|agentes|militares|uomini\s+della\s+sicurezza|agenti|poliziotti|militari)", Options);

    internal static readonly Regex ArmedCriminals = new(
        @"\b(?:armed\s+criminals|criminals|militants|bandits|terrorists|rioters|attackers|gunmen|боевик\w*|бандит\w*|преступник\w*|террорист\w*|Terrorist\w*|Banditen|terroristes|bandits|terroristas|bandidos|rivoltosi|terroristi)", Options);

    internal static readonly Regex Civilians = new(@"\b(?:civilians?|мирн\w+\s+жител\w*|Zivilist\w*|civils|civiles|civili)\b", Options);

    internal static readonly Regex Children = new(
        @"\b(?:children|child|minors|teenagers|несовершеннолетн\w*|дет(?:ей|и)|Kinder|enfants|mineurs|niños|menores|bambini|minori)\b", Options);

    internal static readonly Regex Foreigners = new(@"\b(?:foreigners|foreign\s+(?:nationals|citizens)|иностран\w*|Ausländer\w*|étrangers|extranjeros|stranieri)\b", Options);

    /// <summary>
    /// What a number may count besides people: "as part of 125 investigations", "300 weapons". Read right after the
    /// number, such a word means the number counts no one.
    /// </summary>
    internal static readonly Regex NotPeople = new(
        @"^\s*(?:(?:criminal|administrative)\s+)?(?:investigations?|cases?|probes?|buildings?|vehicles?|cars?|weapons?|guns?|firearms?|shops?|stores?|banks?|offices?|days?|hours?|minutes?|weeks?|months?|years?|times|cities|towns|regions?|provinces?|countries|km|kilomet\w+|miles?|tonnes?|flights?|planes?|aircraft|уголовн\w*|дел\b|дела\b|зданий|машин\w*|автомобил\w*|оружи\w*|единиц\w*|дн(?:я|ей)\b|час\w*|лет\b|год\w*|раз\b|город\w*|регион\w*|самол[её]т\w*)", Options);

    internal static readonly Regex Troops = new(
        @"^\W*(?:troops|soldiers|servicem[ae]n|peacekeepers|paratroopers|military\s+personnel|военнослужащ\w*|миротвор\w*|десантник\w*|военн\w*)", Options);

    /// <summary>A sentence that sends troops somewhere: a count of troops in it is a deployment.</summary>
    internal static readonly Regex Deployment = new(
        @"\b(?:deploy\w*|sent|send\w*|dispatch\w*|arrived|landed|contingent|peacekeep\w*|ввод\w*|ввел\w*|ввели|направ\w*|прибыл\w*|контингент\w*|миротвор\w*)", Options);

    /// <summary>A price sentence about fuel: Kazakh fuel is sold by the litre, so its prices are per litre even when the sentence does not say so.</summary>
    internal static readonly Regex PerLitre = new(
        @"\b(?:per|a|за)\s+(?:litre|liter|литр)\w*|\b(?:LPG|liquefied|gas|petrol|gasoline|diesel|fuel|газ\w*|бензин\w*|топлив\w*|сжиженн\w*)", Options);

    internal static readonly Regex OtherPriceUnit = new(@"\b(?:barrel|tonne|ton|cubic|kwh|баррел\w*|тонн\w*|кубометр\w*)", Options);

    /// <summary>The groups a count of one measure may be limited to, in the order they are tried; after the groups, which static fields are initialised in order of.</summary>
    internal static readonly IReadOnlyDictionary<string, IReadOnlyList<(Regex Group, string Measure)>> Groups = new Dictionary<string, IReadOnlyList<(Regex, string)>>
    {
        [Killed] = [(ArmedCriminals, KilledArmedCriminals), (SecurityForces, KilledSecurityForces), (Children, KilledChildren), (Civilians, KilledCivilians)],
        [Injured] = [(Police, InjuredPolice), (SecurityForces, InjuredSecurityForces), (Civilians, InjuredCivilians)],
        [Detained] = [(Foreigners, DetainedForeigners)],
    };
}
