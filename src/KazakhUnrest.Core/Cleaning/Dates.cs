using System.Globalization;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Dates;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>A line that only states when the article appeared (or was updated), with an optional byline.</summary>
internal sealed record DateLine(DateTimeOffset Value, bool IsUpdate, string? Byline);

/// <summary>Date lines printed by the page: "March 3, 2021 at 09:30 GMT +00:00 · Published", "3 March 2021 by X".</summary>
internal static partial class Dates
{
    /// <summary>A date line carries a date and a label or a name, never a sentence.</summary>
    // Set with the cleaner on the seed captures (2bf84c1) and pinned by their gold test.
    private const int DateLineMaxWords = 16;

    // A safety range, not a tuning: a year outside it is a misread number, not a date a page prints.
    private const int EarliestYear = 1900;

    private const int LatestYear = 2999;

    public static DateLine? ParseDateLine(string line)
    {
        if (Lines.WordCount(line) > DateLineMaxWords)
        {
            return null;
        }

        var match = DateLinePattern().Match(line);
        if (!match.Success || DateOf(match) is not { } date)
        {
            return null;
        }

        var isUpdate = UpdateLabel().IsMatch(match.Groups["label"].Value + " " + match.Groups["label2"].Value);
        var byline = match.Groups["by"].Success ? match.Groups["by"].Value.Trim() : null;
        return new DateLine(date.Add(TimeOf(match)).ToUniversalTime(), isUpdate, byline);
    }

    /// <summary>News URLs often carry the publication day ("/2021/03/03/slug").</summary>
    public static DateTimeOffset? FromUrl(Uri? url)
    {
        if (url is null || UrlDate().Match(url.AbsolutePath) is not { Success: true } match)
        {
            return null;
        }

        return Build(Number(match, "year"), Number(match, "mnum"), Number(match, "day"));
    }

    public static DateTimeOffset? Build(int year, int month, int day, TimeSpan offset = default) =>
        Day(year, month, day) is { } date ? new DateTimeOffset(date, TimeOnly.MinValue, offset) : null;

    public static DateOnly? Day(int year, int month, int day) =>
        month is >= 1 and <= 12 && year is >= EarliestYear and <= LatestYear && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static DateTimeOffset? DateOf(Match match)
    {
        var month = match.Groups["mnum"].Success
            ? Number(match, "mnum")
            : MonthNames.Number(match.Groups["month"].Value);
        var year = Number(match, "year");
        var day = Number(match, "day");
        return Build(year, month, day, OffsetOf(match));
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static TimeSpan TimeOf(Match match)
    {
        if (!match.Groups["hour"].Success)
        {
            return TimeSpan.Zero;
        }

        var hour = Number(match, "hour");
        var minute = Number(match, "minute");
        if (hour > 23 || minute > 59)
        {
            return TimeSpan.Zero;
        }

        var ampm = match.Groups["ampm"].Value.ToLowerInvariant();
        if (ampm.StartsWith('p') && hour < 12)
        {
            hour += 12;
        }
        else if (ampm.StartsWith('a') && hour == 12)
        {
            hour = 0;
        }

        return new TimeSpan(hour, minute, 0);
    }

    /// <summary>A page that names no zone is read as UTC: the day, which is what matters downstream, rarely moves.</summary>
    private static TimeSpan OffsetOf(Match match)
    {
        var offset = match.Groups["offset"];
        if (!offset.Success)
        {
            return TimeSpan.Zero;
        }

        var digits = offset.Value[1..].Replace(":", "");
        var hours = int.Parse(digits.Length > 2 ? digits[..^2] : digits, CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return TimeSpan.Zero;
        }

        var span = new TimeSpan(hours, minutes, 0);
        return offset.Value[0] == '-' ? -span : span;
    }

    private const string DatePart =
        @"(?:" + MonthNames.PrintedPattern + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})"
        + @"|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+" + MonthNames.PrintedPattern + @",?\s+(?<year>\d{4})(?:\s*г\.?)?"
        + @"|(?<year>\d{4})-(?<mnum>\d{2})-(?<day>\d{2})"
        + @"|(?<day>\d{1,2})\.(?<mnum>\d{1,2})\.(?<year>\d{4}))";

    private const string TimePart =
        @"(?:,?\s*(?:at\s+|T|в\s+)?(?<hour>\d{1,2}):(?<minute>\d{2})(?::\d{2})?\s*(?<ampm>[ap]\.?m\.?)?)?"
        + @"(?:\s*(?:GMT|UTC|Z))?(?:\s*(?<offset>[+-]\d{1,2}(?::?\d{2})?))?";

    private const string Label = @"published|updated|posted|last updated|modified|опубликовано|обновлено";

    [GeneratedRegex(
        @"^(?:[\p{Lu}][\p{L}.&' ]{1,40}?\s*[|·•,–—-]\s*)?"
        + @"(?:(?<label>" + Label + @")(?:\s+on)?\s*:?\s*)?"
        + @"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+)?"
        + DatePart + TimePart
        + @"\s*(?:[·|•,–—-]\s*)*(?:(?<label2>" + Label + @")|by\s+(?<by>[^.!?]{1,60})|(?:page|p\.)\s*\d+)?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex DateLinePattern();

    [GeneratedRegex(@"/(?<year>(19|20)\d{2})[/-](?<mnum>\d{1,2})[/-](?<day>\d{1,2})(?=[/-]|$)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"updated|modified|обновлено", RegexOptions.IgnoreCase)]
    private static partial Regex UpdateLabel();
}
