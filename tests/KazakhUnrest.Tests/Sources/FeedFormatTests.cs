using System.Text;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Tests.Sources;

/// <summary>The old and the non-XML formats, each with a link, a title and, where the format has one, a date.</summary>
public sealed class FeedFormatTests
{
    private static readonly Uri FeedUrl = new("https://news.example.kz/feed");

    [Fact]
    public void Rss_0_90_is_read_as_rdf_with_items_beside_the_channel()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Old Wire</title><link>https://news.example.kz/</link></channel>
              <item><title>Curfew lifted</title><link>https://news.example.kz/curfew</link></item>
            </rdf:RDF>
            """);

        Assert.Equal(FeedFormat.Rdf, feed.Format);
        Assert.Equal("Old Wire", feed.Title);
        Assert.Equal(new Uri("https://news.example.kz/curfew"), Assert.Single(feed.Items).Link);
    }

    [Theory]
    [InlineData("0.93")]
    [InlineData("0.94")]
    [InlineData("2.1")]
    public void Rss_versions_past_and_beyond_2_0_are_read(string version)
    {
        var feed = Parse($"""
            <rss version="{version}"><channel><title>Wire</title>
              <item><title>Curfew lifted</title><link>/curfew</link><pubDate>Fri, 07 Jan 2022 09:00:00 +0600</pubDate></item>
            </channel></rss>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal(FeedFormat.Rss, feed.Format);
        Assert.Equal("Curfew lifted", item.Title);
        Assert.Equal(new Uri("https://news.example.kz/curfew"), item.Link);
        Assert.Equal(new DateTimeOffset(2022, 1, 7, 9, 0, 0, TimeSpan.FromHours(6)), item.Published);
    }

    [Fact]
    public void Atom_0_3_is_read_with_issued_and_modified()
    {
        var feed = Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Wire 0.3</title>
              <entry>
                <title>Curfew lifted</title>
                <link rel="alternate" type="text/html" href="https://news.example.kz/curfew"/>
                <id>tag:news.example.kz,2022:1</id>
                <issued>2022-01-07T09:00:00+06:00</issued>
                <modified>2022-01-07T10:00:00Z</modified>
              </entry>
            </feed>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal((FeedFormat.Atom, "tolerant", "Wire 0.3"), (feed.Format, feed.ParsedBy, feed.Title));
        Assert.Equal(new Uri("https://news.example.kz/curfew"), item.Link);
        Assert.Equal(new DateTimeOffset(2022, 1, 7, 9, 0, 0, TimeSpan.FromHours(6)), item.Published);
        Assert.Equal(new DateTimeOffset(2022, 1, 7, 10, 0, 0, TimeSpan.Zero), item.Updated);
    }

    [Fact]
    public void Cdf_items_carry_their_link_in_href_and_date_in_lastmod()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <CHANNEL HREF="https://news.example.kz/">
              <TITLE>Channel Wire</TITLE>
              <ITEM HREF="/curfew" LASTMOD="2022-01-07T09:00:00+06:00">
                <TITLE>Curfew lifted</TITLE>
                <ABSTRACT>The curfew ends at dawn.</ABSTRACT>
              </ITEM>
              <channel><item href="https://news.example.kz/nested"><title>Nested item</title></item></channel>
            </CHANNEL>
            """);

        Assert.Equal((FeedFormat.Cdf, "Channel Wire"), (feed.Format, feed.Title));
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal(new Uri("https://news.example.kz/curfew"), first.Link);
        Assert.Equal(("Curfew lifted", "The curfew ends at dawn."), (first.Title, first.Summary));
        Assert.Equal(new DateTimeOffset(2022, 1, 7, 9, 0, 0, TimeSpan.FromHours(6)), first.Updated);
        Assert.Equal(new Uri("https://news.example.kz/nested"), feed.Items[1].Link);
    }

    [Theory]
    [InlineData("https://jsonfeed.org/version/1", null)]
    [InlineData("https://jsonfeed.org/version/1.1", "application/feed+json")]
    public void Json_feed_items_are_read(string version, string? mediaType)
    {
        var json = $$"""
            {"version": "{{version}}", "title": "JSON Wire",
             "items": [
               {"id": "1", "url": "https://news.example.kz/curfew", "title": "Curfew lifted", "summary": "Ends at dawn",
                "date_published": "2022-01-07T09:00:00+06:00", "date_modified": "2022-01-07T10:00:00Z"},
               {"id": 2, "external_url": "/elsewhere", "content_text": "No title here"}
             ]}
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(json), FeedUrl, mediaType: mediaType);

        Assert.Equal((FeedFormat.JsonFeed, "json", "JSON Wire"), (feed.Format, feed.ParsedBy, feed.Title));
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(new FeedItem(new Uri("https://news.example.kz/curfew"), "Curfew lifted", new DateTimeOffset(2022, 1, 7, 9, 0, 0, TimeSpan.FromHours(6)),
            new DateTimeOffset(2022, 1, 7, 10, 0, 0, TimeSpan.Zero), "1", "Ends at dawn"), feed.Items[0]);
        Assert.Equal(new FeedItem(new Uri("https://news.example.kz/elsewhere"), null, null, null, "2", "No title here"), feed.Items[1]);
    }

    [Theory]
    [InlineData("""{"title": "neither a version nor items"}""")]
    [InlineData("""{"version": "https://jsonfeed.org/version/1", "items": [""")]
    [InlineData("[1, 2, 3]")]
    public void Json_that_is_not_a_json_feed_is_a_clean_error(string json) =>
        Assert.Throws<FeedParseException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(json), FeedUrl, mediaType: "application/json"));

    private static Feed Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), FeedUrl);
}
