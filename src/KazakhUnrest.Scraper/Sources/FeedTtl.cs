using System.Globalization;
using System.Xml.Linq;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>How often a feed says it changes, for the scheduler.</summary>
internal static class FeedTtl
{
    public static TimeSpan? Read(XElement root)
    {
        var channelLevel = root.Elements().Concat(root.ChildrenNamed("channel").Elements()).ToList();
        var ttl = Value(channelLevel, "ttl");
        if (int.TryParse(ttl, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
        {
            return TimeSpan.FromMinutes(minutes);
        }

        return Syndication(Value(channelLevel, "updatePeriod"), Value(channelLevel, "updateFrequency"));
    }

    private static TimeSpan? Syndication(string? period, string? frequency)
    {
        TimeSpan? length = period?.ToLowerInvariant() switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => null,
        };
        var times = int.TryParse(frequency, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1;
        return length / times;
    }

    private static string? Value(IEnumerable<XElement> elements, string localName) =>
        elements.FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();
}
