using System.Globalization;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Dates;

namespace KazakhUnrest.Core.Extraction;

/// <summary>Reads dates written by machines (ISO 8601 and friends) and by people ("10. Januar 2022").</summary>
internal static partial class DateParsing
{
    // News sites began in the mid-1990s: an earlier year on a page is a copyright line or history (cbda5a0).
    private static readonly DateTimeOffset Earliest = new(1995, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // "Last modified on:", "Aktualisiert am" and kin fit in the 30 characters before the date they label (71c6575).
    private const int UpdateLabelReach = 30;

    /// <summary>Dates before 1995 or more than a day ahead are mistakes (copyright lines, event calendars).</summary>
    public static bool IsPlausible(DateTimeOffset date) => date >= Earliest && date <= DateTimeOffset.UtcNow.AddDays(1);

    /// <summary>A machine-readable timestamp; without a zone it is taken as UTC.</summary>
    public static DateTimeOffset? Machine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var match = IsoPattern().Match(text);
        if (match.Success)
        {
            return FromIso(match);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed) && IsPlausible(parsed))
        {
            return parsed;
        }

        return Human(text);
    }

    /// <summary>The earliest date in the text written out for people, in any of the common European forms,
    /// passing over dates labelled as updates ("Last modified: 31.10.2023").</summary>
    public static DateTimeOffset? Human(string text) =>
        HumanPatterns.SelectMany(p => p.Matches(text))
            .OrderBy(m => m.Index)
            .Where(m => !UpdateLabel().IsMatch(text.AsSpan(Math.Max(0, m.Index - UpdateLabelReach), Math.Min(UpdateLabelReach, m.Index))))
            .Select(FromParts)
            .FirstOrDefault(d => d is not null);

    private static readonly Regex[] HumanPatterns = [DayMonthNameYear(), MonthNameDayYear(), NumericDayMonthYear(), IsoDayOnly(), YearMonthDayCjk()];

    private static DateTimeOffset? FromIso(Match match)
    {
        var (year, month, day) = (Int(match, "y"), Int(match, "m"), Int(match, "d"));
        var (hour, minute, second) = (Int(match, "H"), Int(match, "M"), Int(match, "S"));
        var offset = Offset(match.Groups["z"].Value);
        return Build(year, month, day, hour, minute, second, offset);
    }

    private static DateTimeOffset? FromParts(Match match)
    {
        var (month, day) = match.Groups["mn"].Success ? (MonthNames.Number(match.Groups["mn"].Value), Int(match, "d")) : (Int(match, "m"), Int(match, "d"));
        // 12/31/2021 is American; anything else numeric is read day first.
        if (month > 12 && day <= 12)
        {
            (month, day) = (day, month);
        }

        return Build(Int(match, "y"), month, day, 0, 0, 0, TimeSpan.Zero);
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)
    {
        // "05.01.22" is 2022; a two-digit year of the 1990s becomes 2090s and fails IsPlausible.
        if (year < 100)
        {
            year += 2000;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var date = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        return IsPlausible(date) ? date : null;
    }

    private static int Int(Match match, string group) =>
        match.Groups[group].Success && int.TryParse(match.Groups[group].Value, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static TimeSpan Offset(string zone)
    {
        if (zone.Length == 0 || zone is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var digits = zone[1..].Replace(":", "");
        if (digits.Length < 4 || !int.TryParse(digits[..2], out var hours) || !int.TryParse(digits[2..4], out var minutes) || hours > 14)
        {
            return TimeSpan.Zero;
        }

        var span = new TimeSpan(hours, minutes, 0);
        return zone[0] == '-' ? -span : span;
    }

    [GeneratedRegex(@"(updated|update|modified|aktualisiert|geändert|änderung|обновлено|обновлен|mis à jour|actualizado)", RegexOptions.IgnoreCase)]
    private static partial Regex UpdateLabel();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)-(?<m>[01]?\d)-(?<d>[0-3]?\d)(?:[T ](?<H>[0-2]?\d):(?<M>[0-5]\d)(?::(?<S>[0-5]\d)(?:\.\d+)?)?\s*(?<z>Z|[+-]\d\d:?\d\d)?)?")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)(?:\.|st|nd|rd|th)?\s+(?:of\s+)?" + MonthNames.WordPattern + @",?\s+(?<y>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex(MonthNames.WordPattern + @"\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayYear();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)[./](?<m>[01]?\d)[./](?<y>(?:19|20)\d\d)\b")]
    private static partial Regex NumericDayMonthYear();

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d\d)[-/.](?<m>[01]\d)[-/.](?<d>[0-3]\d)\b")]
    private static partial Regex IsoDayOnly();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)\s*年\s*(?<m>[01]?\d)\s*月\s*(?<d>[0-3]?\d)\s*日")]
    private static partial Regex YearMonthDayCjk();
}
