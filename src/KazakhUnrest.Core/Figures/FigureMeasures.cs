using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Figures;

/// <summary>The measure keys and the words that tell, near a number, which measure it counts, in English and Russian.</summary>
public static class FigureMeasures
{
    public const string Killed = "killed";
    public const string KilledSecurityForces = "killed-security-forces";
    public const string KilledArmedCriminals = "killed-armed-criminals";
    public const string Injured = "injured";
    public const string InjuredPolice = "injured-police";
    public const string InjuredSecurityForces = "injured-security-forces";
    public const string Hospitalised = "hospitalised";
    public const string Detained = "detained";
    public const string TroopsDeployed = "troops-deployed";
    public const string PricePerLitre = "price-per-litre";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [Killed] = "killed",
        [KilledSecurityForces] = "security forces killed",
        [KilledArmedCriminals] = "“armed criminals” killed",
        [Injured] = "injured",
        [InjuredPolice] = "police injured",
        [InjuredSecurityForces] = "security forces injured",
        [Hospitalised] = "hospitalised",
        [Detained] = "detained",
        [TroopsDeployed] = "troops deployed",
        [PricePerLitre] = "price per litre",
    };

    /// <summary>A measure key as a reader says it.</summary>
    public static string Label(string measure) => Labels.GetValueOrDefault(measure, measure);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>What happened to the people counted; the earliest one after the number wins.</summary>
    internal static readonly IReadOnlyList<(string Measure, Regex Pattern)> Outcomes =
    [
        (Killed, new(@"\b(?:killed|dead|died|deaths?|liquidated|lost\s+their\s+lives|погиб\w*|убит\w*|ликвидирова\w*|жертв\w*)", Options)),
        (Injured, new(@"\b(?:injured|wounded|hurt|injuries|ранен\w*|пострадал\w*|пострадавш\w*)", Options)),
        (Hospitalised, new(@"\b(?:hospitali[sz]ed|in\s+hospital|госпитализирова\w*)", Options)),
        (Detained, new(@"\b(?:detained|arrested|detentions|arrests|задержа\w*|арестова\w*)", Options)),
    ];

    /// <summary>A count read backwards: "the death toll rose to 164", "killed more than 40 people".</summary>
    internal static readonly IReadOnlyList<(string Measure, Regex Pattern)> OutcomesBefore =
    [
        (Killed, new(@"\b(?:death\s+toll|killed|killing|погибли|погибло|погибших|жертвами\s+стали)\b", Options)),
        (Injured, new(@"\b(?:injuring|wounding|injured|wounded|ранены|пострадали)\b", Options)),
        (Detained, new(@"\b(?:detained|arrested|задержали|задержаны|задержано)\b", Options)),
    ];

    internal static readonly Regex Police = new(@"\b(?:police|policemen|полиц\w*|полицейск\w*)", Options);

    internal static readonly Regex SecurityForces = new(
        @"\b(?:police|policemen|security\s+(?:officers|forces|personnel|servicem[ae]n)|law[\s-]+enforcement\s+(?:officers|officials|personnel)|officers|servicem[ae]n|soldiers|troops|полиц\w*|полицейск\w*|силовик\w*|сотрудник\w*|военнослужащ\w*|военн\w*)", Options);

    internal static readonly Regex ArmedCriminals = new(
        @"\b(?:armed\s+criminals|criminals|militants|bandits|terrorists|rioters|attackers|gunmen|боевик\w*|бандит\w*|преступник\w*|террорист\w*)", Options);

    internal static readonly Regex Troops = new(
        @"^\W*(?:troops|soldiers|servicem[ae]n|peacekeepers|paratroopers|military\s+personnel|военнослужащ\w*|миротвор\w*|десантник\w*|военн\w*)", Options);

    /// <summary>A sentence that sends troops somewhere: a count of troops in it is a deployment.</summary>
    internal static readonly Regex Deployment = new(
        @"\b(?:deploy\w*|sent|send\w*|dispatch\w*|arrived|landed|contingent|peacekeep\w*|ввод\w*|ввел\w*|ввели|направ\w*|прибыл\w*|контингент\w*|миротвор\w*)", Options);

    /// <summary>A price sentence about fuel: Kazakh fuel is sold by the litre, so its prices are per litre even when the sentence does not say so.</summary>
    internal static readonly Regex PerLitre = new(
        @"\b(?:per|a|за)\s+(?:litre|liter|литр)\w*|\b(?:LPG|liquefied|gas|petrol|gasoline|diesel|fuel|газ\w*|бензин\w*|топлив\w*|сжиженн\w*)", Options);

    internal static readonly Regex OtherPriceUnit = new(@"\b(?:barrel|tonne|ton|cubic|kwh|баррел\w*|тонн\w*|кубометр\w*)", Options);
}
