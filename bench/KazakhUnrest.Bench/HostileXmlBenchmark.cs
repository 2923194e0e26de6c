using System.Diagnostics;
using System.Text;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Bench;

public sealed record HostileXmlResult(string Input, int Bytes, double Seconds, long AllocatedBytes, string Outcome);

/// <summary>
/// Crafted feeds and sitemaps that cost a parser more than their size: deep nesting, very many nodes, one huge
/// text node. Each runs once through <see cref="FeedParser"/> or <see cref="SitemapParser"/>, timed on one thread.
/// </summary>
public static class HostileXmlBenchmark
{
    public static IEnumerable<HostileXmlResult> Run(int depth)
    {
        yield return Feed($"feed nested {depth:N0} deep", Nested("<rss version=\"2.0\"><channel><title>t</title><item><title>", "a", depth, "</title></item></channel></rss>"));
        yield return Feed($"atom nested {depth:N0} deep", Nested("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>", "a", depth, "</title></entry></feed>"));
        yield return Feed("feed 1,000,000 sibling elements", Siblings("<rss version=\"2.0\"><channel><title>t</title><item><description>", "<b/>", 1_000_000, "</description></item></channel></rss>"));
        yield return Feed("feed 5,000,000-character title", Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>t</title><item><title>{new string('x', 5_000_000)}</title></item></channel></rss>"));
        yield return Sitemap($"sitemap nested {depth:N0} deep", Nested("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://a.example/</loc>", "a", depth, "</url></urlset>"));
    }

    private static byte[] Nested(string before, string name, int depth, string after)
    {
        var text = new StringBuilder(before);
        text.Insert(text.Length, $"<{name}>", depth).Insert(text.Length, $"</{name}>", depth).Append(after);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Siblings(string before, string element, int count, string after) =>
        Encoding.UTF8.GetBytes(new StringBuilder(before).Insert(before.Length, element, count).Append(after).ToString());

    private static HostileXmlResult Feed(string name, byte[] body) => Measure(name, body, () =>
    {
        var feed = FeedParser.Parse(body, new Uri("https://feed.example/rss"));
        return $"parsed, {feed.Items.Count} item(s)";
    });

    private static HostileXmlResult Sitemap(string name, byte[] body) => Measure(name, body, () =>
    {
        var sitemap = SitemapParser.Parse(body, new Uri("https://feed.example/sitemap.xml"));
        return $"parsed, {sitemap.Entries.Count} entr(ies)";
    });

    private static HostileXmlResult Measure(string name, byte[] body, Func<string> parse)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        string outcome;
        try
        {
            outcome = parse();
        }
        catch (Exception ex) when (ex is FeedParseException or SitemapParseException)
        {
            outcome = $"refused: {ex.Message}";
        }

        return new HostileXmlResult(name, body.Length, clock.Elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated, outcome);
    }
}
