using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>
/// The rules of one robots.txt for one user agent (RFC 9309): the groups naming our product token
/// (else "*"), Allow/Disallow with * and $, the longest match wins and Allow wins a tie.
/// Crawl-delay and Sitemap lines are kept because they are widely used although not in the RFC.
/// </summary>
public sealed class Robots
{
    public static readonly Robots AllowAll = new([], null, []);
    public static readonly Robots DisallowAll = new([new RobotsRule(false, "/")], null, []);

    private readonly IReadOnlyList<RobotsRule> _rules;

    private Robots(IReadOnlyList<RobotsRule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    public TimeSpan? CrawlDelay { get; }

    /// <summary>Sitemap URLs the file announces (they apply to every agent).</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <param name="text">The robots.txt body.</param>
    /// <param name="userAgent">Our full User-Agent; its product token ("KazakhUnrestBot") selects the group.</param>
    public static Robots Parse(string text, string userAgent)
    {
        var groups = RobotsGroup.ParseAll(text, out var sitemaps);
        var token = ProductToken(userAgent);
        // RFC 9309: our product token, case-insensitively; every group naming it counts, else the "*" groups.
        var ours = groups.Where(g => g.Agents.Contains(token)).ToList();
        var chosen = ours.Count > 0 ? ours : groups.Where(g => g.Agents.Contains("*")).ToList();
        var rules = chosen.SelectMany(g => g.Rules).ToList();
        var delay = chosen.Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null);
        return new Robots(rules, delay, sitemaps);
    }

    public bool IsAllowed(Uri url)
    {
        var path = url.PathAndQuery;
        if (path.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var match = _rules
            .Where(r => r.Matches(path))
            .OrderByDescending(r => r.Pattern.Length)
            .ThenByDescending(r => r.Allow)
            .FirstOrDefault();
        return match?.Allow ?? true;
    }

    private static string ProductToken(string userAgent)
    {
        var end = userAgent.IndexOfAny(['/', ' ']);
        return (end < 0 ? userAgent : userAgent[..end]).ToLowerInvariant();
    }

    internal static TimeSpan? ParseDelay(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86400
            ? TimeSpan.FromSeconds(seconds)
            : null;
}

internal sealed class RobotsRule
{
    private readonly Regex _regex;

    public RobotsRule(bool allow, string pattern)
    {
        Allow = allow;
        Pattern = pattern;
        _regex = ToRegex(pattern);
    }

    public bool Allow { get; }
    public string Pattern { get; }

    public bool Matches(string path) => _regex.IsMatch(path);

    private static Regex ToRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = new StringBuilder("^");
        foreach (var part in body.Split('*'))
        {
            regex.Append(Regex.Escape(part)).Append(".*");
        }

        regex.Length -= 2;
        regex.Append(anchored ? "$" : string.Empty);
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }
}

internal sealed class RobotsGroup
{
    public List<string> Agents { get; } = [];
    public List<RobotsRule> Rules { get; } = [];
    public TimeSpan? CrawlDelay { get; set; }

    public static List<RobotsGroup> ParseAll(string text, out List<string> sitemaps)
    {
        var groups = new List<RobotsGroup>();
        sitemaps = [];
        RobotsGroup? current = null;
        var inAgentLines = false;
        foreach (var (key, value) in Lines(text))
        {
            if (key == "user-agent")
            {
                if (current is null || !inAgentLines)
                {
                    current = new RobotsGroup();
                    groups.Add(current);
                }

                current.Agents.Add(value.ToLowerInvariant());
                inAgentLines = true;
                continue;
            }

            inAgentLines = false;
            if (key == "sitemap")
            {
                sitemaps.Add(value);
            }
            else if (current is not null)
            {
                current.Apply(key, value);
            }
        }

        return groups;
    }

    private void Apply(string key, string value)
    {
        switch (key)
        {
            case "allow" when value.Length > 0:
                Rules.Add(new RobotsRule(true, value));
                break;
            case "disallow" when value.Length > 0:
                Rules.Add(new RobotsRule(false, value));
                break;
            case "crawl-delay":
                CrawlDelay ??= Robots.ParseDelay(value);
                break;
        }
    }

    private static IEnumerable<(string Key, string Value)> Lines(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var hash = raw.IndexOf('#');
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                yield return (line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
            }
        }
    }
}
