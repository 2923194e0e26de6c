using System.Text;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Tests.Sources;

/// <summary>Crafted feeds and sitemaps past the depth and node bounds are refused with a clear message; real depths pass.</summary>
public sealed class XmlBoundsTests
{
    // SafeXml.MaxDepth is internal; these tests pin the public behaviour at 256.
    private const int MaxDepth = 256;

    [Fact]
    public void A_feed_nested_100000_deep_is_refused_naming_the_bound()
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(Nested("<rss version=\"2.0\"><channel><item><title>", 100_000, "</title></item></channel></rss>")));

        Assert.Contains($"nested deeper than {MaxDepth}", error.Message);
    }

    [Fact]
    public void Nesting_up_to_the_bound_is_read()
    {
        // rss, channel, item, description: the nested elements start at depth 4, so the deepest is at exactly the bound.
        var feed = FeedParser.Parse(Nested("<rss version=\"2.0\"><channel><item><link>https://a.example/1</link><description>", MaxDepth - 3, "</description></item></channel></rss>"));

        Assert.Equal(new Uri("https://a.example/1"), Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void One_level_past_the_bound_is_refused()
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(Nested("<rss version=\"2.0\"><channel><item><description>", MaxDepth - 2, "</description></item></channel></rss>")));

        Assert.Contains("nested deeper than", error.Message);
    }

    [Fact]
    public void A_deeply_nested_atom_feed_is_refused() =>
        Assert.Throws<FeedParseException>(() => FeedParser.Parse(Nested("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>", 10_000, "</title></entry></feed>")));

    [Fact]
    public void A_deeply_nested_sitemap_is_refused_naming_the_bound()
    {
        var body = Nested("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://a.example/</loc>", 100_000, "</url></urlset>");

        var error = Assert.Throws<SitemapParseException>(() => SitemapParser.Parse(body));

        Assert.Contains($"nested deeper than {MaxDepth}", error.Message);
    }

    [Fact]
    public void A_sitemap_of_more_than_five_million_nodes_is_refused()
    {
        var body = Encoding.UTF8.GetBytes(new StringBuilder("<urlset>").Insert(8, "<b/>", 5_000_001).Append("</urlset>").ToString());

        var error = Assert.Throws<SitemapParseException>(() => SitemapParser.Parse(body));

        Assert.Contains("more than 5,000,000 XML nodes", error.Message);
    }

    private static byte[] Nested(string before, int depth, string after) =>
        Encoding.UTF8.GetBytes(new StringBuilder(before).Insert(before.Length, "<a>", depth).Append(new StringBuilder().Insert(0, "</a>", depth)).Append(after).ToString());
}
