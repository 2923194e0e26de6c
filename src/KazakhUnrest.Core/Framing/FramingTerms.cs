using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Framing;

/// <summary>What a loaded term names: the people on the streets, the foreign troops, or what was happening.</summary>
public enum FramingTarget
{
    Crowd,
    Forces,
    Events,
}

/// <summary>One loaded term: a stable key, what it names, and its spellings in English and Russian.</summary>
public sealed record FramingTerm(string Key, string Label, FramingTarget Target, Regex Pattern);

/// <summary>
/// The words outlets chose for the same people and events in January 2022. Kazakh officials and Russian and
/// Chinese state media spoke of terrorists, bandits and a colour revolution put down by peacekeepers; independent
/// and Western outlets of protesters and Russian-led troops. Counting which outlet uses which is the comparison.
/// </summary>
public static class FramingTerms
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    public static readonly IReadOnlyList<FramingTerm> All =
    [
        Term("terrorists", "terrorists", FramingTarget.Crowd, @"terrorists?|terrorism|counter-?terrorist\s+operation|террорист\w*|терроризм\w*|контртеррористическ\w+\s+операц\w+"),
        Term("bandits", "bandits", FramingTarget.Crowd, @"bandits?|бандит\w*|бандформировани\w*"),
        Term("criminals", "criminals / criminal gangs", FramingTarget.Crowd, @"(?:armed\s+)?criminals|criminal\s+(?:gangs?|groups?|elements)|gang\s+members|gangs|преступник\w*|преступн\w+\s+групп\w*"),
        Term("extremists", "extremists", FramingTarget.Crowd, @"extremists?|экстремист\w*"),
        Term("militants", "militants", FramingTarget.Crowd, @"militants|gunmen|боевик\w*"),
        Term("rioters", "rioters", FramingTarget.Crowd, @"rioters|погромщик\w*"),
        Term("looters", "looters", FramingTarget.Crowd, @"looters|looting|мародер\w*|мародёр\w*"),
        Term("protesters", "protesters", FramingTarget.Crowd, @"protesters|protestors|протестующ\w*"),
        Term("demonstrators", "demonstrators", FramingTarget.Crowd, @"demonstrators|митингующ\w*|демонстрант\w*"),
        Term("peacekeepers", "peacekeepers / peacekeeping forces", FramingTarget.Forces, @"peacekeepers|peacekeeping\s+(?:forces|troops|contingent|mission|units)|миротвор\w*"),
        Term("troops", "troops", FramingTarget.Forces, @"(?<!peacekeeping\s)troops|войск\w*|военнослужащ\w*"),
        Term("occupation", "occupation / intervention", FramingTarget.Forces, @"occupation|occupiers|military\s+intervention|оккупац\w*|оккупант\w*|интервенц\w*"),
        Term("external-forces", "external forces", FramingTarget.Events, @"(?:external|outside|foreign)\s+forces|внешни\w*\s+сил\w*"),
        Term("colour-revolution", "colour revolution", FramingTarget.Events, @"colou?r\s+revolutions?|цветн\w+\s+революц\w*"),
        Term("coup", "coup attempt", FramingTarget.Events, @"(?:attempted\s+)?coup(?:\s+attempt|\s+d['’]état)?|(?:попытк\w+\s+)?(?:государственного\s+)?переворот\w*"),
        Term("riots", "riots / mass riots", FramingTarget.Events, @"(?:mass\s+)?riots|(?:массов\w+\s+)?беспорядк\w*"),
        Term("uprising", "uprising", FramingTarget.Events, @"uprising|insurrection|revolt|восстани\w*|мятеж\w*"),
        Term("unrest", "unrest", FramingTarget.Events, @"unrest|волнени\w*"),
        Term("protests", "protests", FramingTarget.Events, @"protests|protest\s+movement|протест\w*(?<!протестующ\w*)"),
    ];

    public static FramingTerm? ByKey(string key) => All.FirstOrDefault(t => t.Key == key);

    private static FramingTerm Term(string key, string label, FramingTarget target, string pattern) =>
        new(key, label, target, new Regex(@"(?<![\p{L}-])(?:" + pattern + @")(?![\p{L}])", Options));
}
