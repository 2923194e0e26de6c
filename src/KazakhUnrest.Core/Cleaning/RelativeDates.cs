using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// A report that prints no date still says "on Monday". A weekday only becomes a date against a known
/// day: the capture date (the page was read on or after publication) or a month and day the text names
/// with a year it can be given. Without such an anchor nothing is inferred: guessing a year is not safe.
/// </summary>
internal static partial class RelativeDates
{
    /// <summary>News refers to the current week by weekday; further back it names the date.</summary>
    private const int WeekDays = 7;

    public static DateTimeOffset? Infer(string text, DateTimeOffset? capturedAt)
    {
        var weekdays = Weekdays(text);
        if (weekdays.Count == 0)
            return null;
        var captured = capturedAt is { } at ? Day(at.UtcDateTime) : (DateTimeOffset?)null;
        var anchors = Anchors(text, captured);
        var resolved = anchors.Count > 0
            ? weekdays.Select(day => Nearest(day, anchors.Max()))
            : captured is { } capture ? weekdays.Select(day => OnOrBefore(day, capture)) : [];
        var latest = resolved.Concat(anchors).DefaultIfEmpty().Max();
        return latest == default || latest > captured ? null : latest;
    }

    private static List<DayOfWeek> Weekdays(string text) =>
        WeekdayPattern().Matches(text).Select(match => Enum.Parse<DayOfWeek>(match.Groups["day"].Value, ignoreCase: true)).Distinct().ToList();

    /// <summary>Month-days without a year take the capture's year, or the year before when they would lie after it.</summary>
    private static List<DateTimeOffset> Anchors(string text, DateTimeOffset? captured) =>
        Dates.MonthDays(text)
            .Select(md => md.Year is { } year ? Dates.Build(year, md.Month, md.Day) : YearFromCapture(md.Month, md.Day, captured))
            .OfType<DateTimeOffset>()
            .Where(date => captured is null || date <= captured)
            .ToList();

    private static DateTimeOffset? YearFromCapture(int month, int day, DateTimeOffset? captured)
    {
        if (captured is not { } capture)
            return null;
        var sameYear = Dates.Build(capture.Year, month, day);
        return sameYear > capture ? Dates.Build(capture.Year - 1, month, day) : sameYear;
    }

    /// <summary>A weekday near a named date is the occurrence closest to it, before or after.</summary>
    private static DateTimeOffset Nearest(DayOfWeek day, DateTimeOffset anchor)
    {
        var ahead = ((int)day - (int)anchor.DayOfWeek + WeekDays) % WeekDays;
        return anchor.AddDays(ahead <= WeekDays / 2 ? ahead : ahead - WeekDays);
    }

    private static DateTimeOffset OnOrBefore(DayOfWeek day, DateTimeOffset capture) =>
        capture.AddDays(-(((int)capture.DayOfWeek - (int)day + WeekDays) % WeekDays));

    private static DateTimeOffset Day(DateTime utc) => new(utc.Date, TimeSpan.Zero);

    /// <summary>"Next Monday" points forward from an unknown day; only past references date a report.</summary>
    [GeneratedRegex(@"(?<!\b(?:next|coming|until|by)\s)\b(?<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayPattern();
}
