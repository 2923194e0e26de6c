using System.Globalization;
using System.Text.RegularExpressions;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Dates as feeds really write them: RFC 822 with wrong weekdays, named zones or none, ISO 8601,
/// W3C partial dates. Unreadable text gives null rather than failing the whole feed.
/// </summary>
public static partial class TolerantDate
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00",
        ["UT"] = "+00:00",
        ["UTC"] = "+00:00",
        ["Z"] = "+00:00",
        ["EST"] = "-05:00",
        ["EDT"] = "-04:00",
        ["CST"] = "-06:00",
        ["CDT"] = "-05:00",
        ["MST"] = "-07:00",
        ["MDT"] = "-06:00",
        ["PST"] = "-08:00",
        ["PDT"] = "-07:00",
        ["MSK"] = "+03:00",
        ["ALMT"] = "+06:00",
        ["QYZT"] = "+06:00",
        ["AQTT"] = "+05:00",
        ["CET"] = "+01:00",
        ["CEST"] = "+02:00",
    };

    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        var normalised = Normalise(text);
        return DateTimeOffset.TryParseExact(normalised, Rfc822Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out parsed)
            ? parsed
            : null;
    }

    private static string Normalise(string text)
    {
        // A wrong weekday ("Mon, 5 Jan 2022") is the commonest reason strict parsers reject a date.
        var withoutWeekday = Weekday().Replace(text, string.Empty);
        var withZone = NamedZone().Replace(withoutWeekday, m => Zones.TryGetValue(m.Groups[1].Value, out var offset) ? " " + offset : m.Value);
        return NumericZone().Replace(withZone, "$1$2:$3");
    }

    [GeneratedRegex(@"^\s*[A-Za-z]{2,9}\.?,?\s+")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\s+([A-Za-z]{1,4})\s*$")]
    private static partial Regex NamedZone();

    [GeneratedRegex(@"([+-])(\d{2}):?(\d{2})\s*$")]
    private static partial Regex NumericZone();
}
