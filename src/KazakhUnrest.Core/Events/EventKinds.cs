using System.Text.RegularExpressions;
using KazakhUnrest.Core.Relevance;

namespace KazakhUnrest.Core.Events;

/// <summary>
/// The trigger lexicon: which words in a sentence say that a kind of event happened, in English and Russian, and for the
/// kinds a reader looks for most (the order to shoot, the day of mourning, a video address) in the other main languages
/// too. Each kind has its reader's label in <see cref="EventKindLabels"/>.
/// </summary>
public static class EventKinds
{
    public const string Other = "other";
    public const string Statement = "statement";
    public const string Message = "message";
    public const string Call = "call";
    public const string ShootToKillOrder = "shoot-to-kill-order";
    public const string MourningDay = "mourning-day";

    // Compiled: the lexicon runs over every sentence of every report (the story step's lead, the events step's
    // sentences); interpreted, it was the largest single cost the profiler showed in the story step.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>
    /// Kinds whose triggers say little about which happening is meant (everyone "said" something on
    /// Tuesday; people were killed every day): two reports are the same event only when they also share
    /// who or where.
    /// </summary>
    private static readonly HashSet<string> Loose =
    [
        Statement, Message, Call, "casualties-reported", "violence", "building-seized", "detentions", "arrest", "appointment",
    ];

    /// <summary>Reporting kinds: an event only when the sentence itself dates them, and outranked by any other trigger.</summary>
    private static readonly HashSet<string> Reporting = [Statement, Message, Call];

    // A gap of a few words lets "protests in the west began" and "prices of LPG (...) rose" match
    // without letting a trigger reach across a clause or a comma.
    private const string Gap = @"[^.,;:!?]{0,60}?";

    // A request names whom it asks, and often when, before what it asks for.
    private const string LongGap = @"[^.;:!?]{0,110}?";

    /// <summary>Each kind's triggers; a group named "v" marks the verb that a date in the sentence attaches to, when the trigger has more than the verb.</summary>
    internal static readonly IReadOnlyList<(string Kind, Regex Pattern)> Lexicon =
    [
        ("government-resigns", new(@"\bresign\w*|\b(?:sack|dismiss)\w*\s+(?:the\s+)?(?:\w+\s+)?government\b|\bотставк\w*|\bотправил\w*\s+(?:в\s+отставку\s+)?правительств\w*", Options)),
        ("state-of-emergency", new(@"\bstate\s+of\s+emergency\b|\bimposition\s+of\s+(?:an?\s+)?emergency\b|\bemergency\s+rule\b|\bcurfew\b|\bчрезвычайн\w*\s+положени\w*|\bрежим\w*\s+ЧП\b|\bкомендантск\w*\s+час\w*", Options)),
        ("protests-begin", new(@"\b(?:protests?|rall(?:y|ies)|revolt|unrest|demonstrations?|uprising|riots?)\b" + Gap + @"\b(?<v>began|begun|started|erupted|broke\s+out)\b|\bfirst\s+(?:protests?|rall(?:y|ies)|demonstrations?)\b|\b(?:протест\w*|митинг\w*|беспорядк\w*|волнени\w*)\s+(?:\w+\s+){0,3}?(?<v>начал\w*|вспыхнул\w*)|\b(?:начал\w*|вспыхнул\w*)\s+(?:\w+\s+){0,2}?(?:протест\w*|митинг\w*|беспорядк\w*|волнени\w*)", Options)),
        ("price-controls-lifted", new(@"\blift\w*\s+(?:of\s+)?(?:the\s+)?(?:state\s+)?price\s+(?:controls?|caps?|regulation)\b|\bprice\s+(?:controls?|caps?|regulation)\s+(?:\w+\s+){0,2}?(?:lifted|removed|scrapped|ended)\b|\bliberali[sz](?:ed|ation)\b|\bотмен\w*\s+(?:\w+\s+)?регулирован\w*\s+цен\w*|\bпереход\w*\s+на\s+биржев\w*", Options)),
        ("price-controls-restored", new(@"\b(?:reinstat|restor|reimpos|return)\w*\s+(?:of\s+)?(?:the\s+)?(?:state\s+)?price\s+(?:controls?|regulation)\b|\broll\w*\s*back\b|\brescind\w*\s+(?:the\s+)?price\s+(?:increase|rise|hike)\b|\bвернул\w*\s+(?:\w+\s+)?регулирован\w*\s+цен\w*|\bснизил\w*\s+цен\w*|\bснижени\w*\s+цен\w*", Options)),
        ("price-cap", new(@"\bprice\s+caps?\b|\bcap\w*\s+(?:on\s+)?(?:\w+\s+)?prices\b|\bпотол\w*\s+цен\w*|\bпредельн\w*\s+цен\w*", Options)),
        ("price-rise", new(@"\bprices?\b" + Gap + @"\b(?<v>rose|risen|rise|doubled|soared|jumped|surged|spiked|increased)\b|\bprice\s+(?:hike|rise|increase|surge)s?\b|\b(?:doubling|surge|hike|jump)\s+in\s+(?:the\s+)?(?:\w+\s+)?prices?\b|\bцен\w*\s+(?:\w+\s+){0,3}?(?<v>выросл\w*|вырос\w*|поднял\w*|удвоил\w*|подскочил\w*)|\bподорожа\w*|\bрост\w*\s+цен\w*", Options)),
        ("military-help-requested", new(@"\b(?:ask|request|appeal|turn)\w*\b" + LongGap + @"\b(?:help|assistance|intervention|troops|peacekeep\w*)\b|\bappeal\w*\s+to\s+(?:the\s+)?(?:CSTO|Collective\s+Security)|\bseek\w*\s+(?:\w+\s+){0,3}?(?:assistance|help)\b|\bsought\s+(?:\w+\s+){0,3}?(?:assistance|help)\b|\bcall\w*\s+in\s+(?:\w+\s+){0,2}?(?:forces|troops)\b|\b(?:обратил\w*|попросил\w*)\b[^.;:!?]{0,60}?(?:ОДКБ|помощ\w*|миротвор\w*)", Options)),
        ("troops-withdrawn", new(@"\b(?:start|begin|began|begun)\w*\s+(?:the\s+|their\s+|its\s+|to\s+)?withdr[ae]w\w*|\bwithdrawal\b[^.;!?]{0,100}?\b(?<v>began|begun|started|starts|begins|got\s+under\s*way)\b|\bначал\w*\s+(?:\w+\s+)?вывод\w*|\bвывод\w*\s+(?:\w+\s+){0,4}?(?<v>начал\w*)|\bwithdr[ae]w\w*\b" + Gap + @"\b(?:troops|forces|soldiers|peacekeep\w*|contingent)\b|\b(?:troops|forces|soldiers|peacekeep\w*|contingent)\b" + Gap + @"\b(?<v>withdr[ae]w\w*|left|leaving|pulled\s+out|departed|completed\s+(?:their|its)\s+withdrawal)\b|\bвывод\w*\s+(?:\w+\s+)?(?:войск\w*|миротвор\w*|контингент\w*)|\b(?:миротвор\w*|контингент\w*|войск\w*)\s+(?:\w+\s+){0,2}?(?<v>покинул\w*|ушл\w*|выведен\w*)", Options)),
        ("troops-deployed", new(@"\b(?:troops|soldiers|forces|peacekeep\w*|paratroopers|contingent)\b" + Gap + @"\b(?<v>landed|arrived|deployed|began\s+to\s+deploy|began\s+deploying|were\s+sent|was\s+sent)\b|(?<!\bto\s)\b(?:deploy\w*|sent|send\w*|dispatch\w*|flew\s+in)\b" + Gap + @"\b(?:troops|soldiers|forces|peacekeep\w*|paratroopers|contingent)\b|\b(?:ввод\w*|ввел\w*|ввели|направил\w*|прибыл\w*|прилетел\w*)\s+(?:\w+\s+){0,3}?(?:войск\w*|миротвор\w*|контингент\w*|десантник\w*)|\b(?:миротвор\w*|контингент\w*|войск\w*)\s+(?:\w+\s+){0,3}?(?<v>прибыл\w*|прилетел\w*|введен\w*)", Options)),
        ("csto-deployment-approved", new(@"\b(?<v>approv\w*|authori[sz]\w*|agreed|decided)\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:send|deploy|dispatch)\w*\s+(?:\w+\s+){0,4}?(?:troops|forces|peacekeep\w*|contingent|mission)\b|\bdecision\s+to\s+(?:send|deploy|dispatch)\w*\b|\bрешени\w*\s+(?:\w+\s+){0,3}?(?:о\s+)?(?:направлени|отправк|ввод)\w*|\b(?<v>согласил\w*|решил\w*)\s+(?:\w+\s+){0,2}?(?:направить|отправить|ввести)\b", Options)),
        (ShootToKillOrder, new(@"\bshoot(?:ing)?[\s-]+to[\s-]+kill\b|\b(?:open\s+fire|fire|shoot)\s+without\s+(?:a\s+)?warning\b|\bстрелять\s+(?:\w+\s+){0,2}?(?:на\s+поражение|без\s+предупреждения)|\bогонь\s+на\s+поражение\b|\bSchie(?:ß|ss)befehl\w*|\bohne\s+(?:Vor)?warnung\s+(?:zu\s+)?schie(?:ß|ss)en\b|\btirer\s+(?:à\s+vue|sans\s+sommation)|\b(?:disparar|tirar)\s+(?:a|para)\s+matar\b|\bdisparar\s+sin\s+(?:previo\s+)?aviso\b|\bsparare\s+(?:per\s+uccidere|senza\s+preavviso)|\batirar\s+para\s+matar\b", Options)),
        (MourningDay, new(@"\bday\s+of\s+(?:national\s+)?mourning\b|\bnational\s+mourning\b|\bmourning\s+day\b|\b(?:день|дн[её]м)\s+(?:общенационального\s+)?траура\b|\bобщенациональн\w*\s+траур\w*|\bStaatstrauer\b|\bTrauertag\w*|\bdeuil\s+national\b|\bjournée\s+de\s+deuil\b|\bduelo\s+nacional\b|\blutto\s+nazionale\b|\bluto\s+(?:oficial|nacional)\b|\bحداد\b", Options)),
        ("video-address", new(@"\bvideo\s+(?:address|message|appeal|statement|speech)\b|\b(?:released|posted|published|issued|recorded|gave)\s+(?:a|an|his)\s+(?:[\w-]+\s+){0,3}?video\b|\baddress\w*\s+in\s+a\s+(?:[\w-]+\s+){0,2}?video\b|\bvideo(?:príhovor|posolstv|odkaz|poselstv)\w*|\b(?:appeared|appears|spoke|speaking)\s+in\s+a\s+(?:\w+\s+)?video\b|\bвидеообращени\w*|\bвидеопослани\w*|\bVideobotschaft\w*|\bVideo-?Ansprache\w*|\bmessage\s+vidéo\b|\bvideomensaje\w*|\bvideomessaggio\b|\bmessaggio\s+video\b", Options)),
        ("building-seized", new(@"\b(?:stormed|storming|seized|seizure|captured|capture|occupied|torched|torching)\b|\bset\s+(?:\w+\s+){1,4}?on\s+fire\b|\bset\s+fire\s+to\b|\bзахват\w*|\bштурм\w*|\bподожг\w*|\bподожжен\w*", Options)),
        ("violence", new(@"\bclash\w*|\bfirefights?\b|\bgunfire\b|\bopen\w*\s+fire\b|\bshoot\w*|\bshot\s+(?:at|dead)\b|\bloot\w*|\briot(?:s|ing|ed)\b|\bstun\s+grenades\b|\btear\s+gas\b|\bстолкновени\w*|\bперестрелк\w*|\bпогром\w*|\bмародер\w*|\bмародёр\w*|\bстрельб\w*", Options)),
        ("casualties-reported", new(@"\b(?:killed|dead|died|deaths?|death\s+toll|liquidated|injured|wounded|casualties)\b|\bпогиб\w*|\bубит\w*|\bликвидирова\w*|\bранен\w*|\bжертв\w*", Options)),
        ("detentions", new(@"\bdetain\w*|\bdetentions?\b|\bзадержа\w*", Options)),
        ("arrest", new(@"\barrest\w*|\bарест\w*", Options)),
        ("appointment", new(@"\bappoint\w*|\b(?<v>approv\w*|confirm\w*|endors\w*)\s+(?:\w+\s+){0,4}?as\s+(?:the\s+)?(?:(?:country's\s+)?(?:new|acting)\s+)?(?:prime\s+minister|premier|head\s+of\s+government)\b|\bутвердил\w*\s+(?:\w+\s+){0,3}?(?:в\s+должности\s+|на\s+пост\s+)?(?:премьер\w*|главы\s+правительства)|\bnamed\s+(?:\w+\s+){0,4}?(?:as\s+)?(?:(?:acting|interim|new)\s+)?(?:prime\s+minister|minister|head|chairman|chief|secretary)\b|\bto\s+serve\s+as\b|\bназначи\w*|\bназначен\w*", Options)),
        ("security-cooperation", new(@"\bsecurity\s+(?:aid|cooperation|assistance|support|coordination)\b|\bcooperation\s+in\s+(?:\w+\s+){0,2}?(?:law\s+enforcement|security)\b|\blaw[\s-]+enforcement\s+and\s+security\b|\bсотрудничеств\w*\s+(?:\w+\s+){0,3}?безопасност\w*", Options)),
        (Message, new(@"\b(?:in\s+(?:a|his|her|its)|sent\s+(?:a|his|her)|congratulatory|condolence)\s+message\b|\bmessage\s+to\b|\bпослани\w*|\bтелеграмм\w*", Options)),
        (Call, new(@"\b(?:phone|telephone)\s+(?:call|conversation|talks)\b|\bin\s+a\s+call\b|\bspoke\s+(?:\w+\s+){0,3}?(?:on\s+the\s+phone|by\s+phone)\b|\bтелефонн\w*\s+разговор\w*|\bпо\s+телефону\b", Options)),
        (Statement, new(@"\b(?:said|says|stated|told|announced|declared|added|claimed|issued\s+a\s+statement|shared\s+the\s+news)\b|\bзаявил\w*|\bсообщил\w*|\bсказал\w*|\bобъявил\w*", Options)),
    ];

    /// <summary>
    /// The specific kinds (neither loose nor reporting) whose triggers the text holds, with no regard to dates: what a
    /// headline and lead say happened is the part of a report that every outlet tells alike, whatever its words around it.
    /// </summary>
    public static IEnumerable<string> Named(string text) =>
        Lexicon.Where(k => !IsLoose(k.Kind) && !IsReporting(k.Kind) && k.Pattern.IsMatch(text)).Select(k => k.Kind)
            .Union(Words.Where(k => k.Words.IsMatch(text)).Select(k => k.Kind));

    private static Regex Unrest(string label) => UnrestTerms.All.First(t => t.Label == label).Pattern;

    /// <summary>
    /// Words that name the main kinds in the other languages the world wrote in, for <see cref="Named"/> only: they let a
    /// German or Arabic headline meet the English and Russian ones in a story, but carry none of the grammar (tense, the
    /// verb a date attaches to) that <see cref="Lexicon"/> needs to put an event on a day. The relevance vocabulary's
    /// terms are reused where it has them.
    /// </summary>
    private static readonly IReadOnlyList<(string Kind, Regex Words)> Words =
    [
        ("government-resigns", Term.Compile([
            "Rücktritt*", "zurückgetreten", "démission*", "démissionn*", "dimisión", "dimiti*", "dimission*", "dimess*", "demissão",
            "demiti*", "dymisj*", "ontslag", "afgetreden", "istifa*", "demisi*", "demisionat", "відставк*", "استقال*", "辞职", "辭職",
            "总辞职", "辞任", "総辞職", "התפטר*", "התפטרות"])),
        ("state-of-emergency", Unrest("state of emergency")),
        ("state-of-emergency", Unrest("curfew")),
        (ShootToKillOrder, Unrest("shoot without warning")),
        ("troops-withdrawn", Term.Compile([
            "Abzug*", "abgezogen", "retrait*", "retirada*", "ritiro", "wycofan*", "terugtrekking", "çekilme*", "retragere*",
            "виведен*", "انسحاب*", "撤军", "撤軍", "撤离", "撤離", "撤収", "נסיג*"])),
        ("troops-deployed", Term.Compile([
            "Friedenstrupp*", "Friedenssoldat*", "soldats de la paix", "forces de maintien de la paix", "fuerzas de paz",
            "tropas de paz", "forze di pace", "forças de paz", "sił* pokojow*", "vredestroepen", "barış gücü", "forțe* de menținere a păcii",
            "миротворц*", "قوات حفظ السلام", "维和部队", "維和部隊", "平和維持部隊", "כוחות שמירת השלום", "כוח שמירת השלום"])),
    ];

    /// <summary>True when two reports of this kind need a shared actor or place to be the same event.</summary>
    public static bool IsLoose(string kind) => Loose.Contains(kind) || kind.StartsWith(Other, StringComparison.Ordinal);

    public static bool IsReporting(string kind) => Reporting.Contains(kind);

    /// <summary>
    /// Kinds whose day is the day set for them, so a sentence about the future still dates them: "Monday will be a day
    /// of national mourning" tells of Monday's mourning.
    /// </summary>
    public static bool IsScheduled(string kind) => kind == MourningDay;

    /// <summary>
    /// Kinds that recur day after day: a death toll or a statement given on another day is a new report, not a
    /// disagreement about the day, so such reports group only with reports of the same day.
    /// </summary>
    public static bool IsDaily(string kind) => Daily.Contains(kind);

    private static readonly HashSet<string> Daily = [Statement, Message, Call, "casualties-reported", "detentions"];
}
