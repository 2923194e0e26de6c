using System.Text;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Tests.Sources;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://news.example.kz/rss");

    [Fact]
    public void Rss2_items_with_ttl()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>Example News</title>
                <link>https://news.example.kz/</link>
                <description>d</description>
                <ttl>15</ttl>
                <item>
                  <title>Protests spread to Almaty</title>
                  <link>/2022/01/05/almaty</link>
                  <guid isPermaLink="false">item-1</guid>
                  <pubDate>Wed, 05 Jan 2022 10:30:00 +0600</pubDate>
                  <description>Crowds gathered in the main square.</description>
                </item>
                <item>
                  <title>Internet shutdown</title>
                  <link>https://news.example.kz/2022/01/06/internet</link>
                  <pubDate>Thu, 06 Jan 2022 08:00:00 GMT</pubDate>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal(FeedFormat.Rss, feed.Format);
        Assert.Equal("syndication", feed.ParsedBy);
        Assert.Equal("Example News", feed.Title);
        Assert.Equal(TimeSpan.FromMinutes(15), feed.Ttl);
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal(new Uri("https://news.example.kz/2022/01/05/almaty"), first.Link);
        Assert.Equal("Protests spread to Almaty", first.Title);
        Assert.Equal("item-1", first.Guid);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 10, 30, 0, TimeSpan.FromHours(6)), first.Published);
        Assert.Equal("Crowds gathered in the main square.", first.Summary);
    }

    [Fact]
    public void Atom_entries_with_published_and_updated()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Wire</title>
              <id>urn:wire</id>
              <updated>2022-01-07T12:00:00Z</updated>
              <entry>
                <title>State of emergency declared</title>
                <id>urn:wire:1</id>
                <link rel="self" href="https://wire.example/api/1"/>
                <link rel="alternate" href="https://wire.example/news/1"/>
                <published>2022-01-05T02:00:00+06:00</published>
                <updated>2022-01-05T04:00:00+06:00</updated>
                <summary>Emergency rule in two regions.</summary>
              </entry>
            </feed>
            """);

        var entry = Assert.Single(feed.Items);
        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal(new Uri("https://wire.example/news/1"), entry.Link);
        Assert.Equal("urn:wire:1", entry.Guid);
        Assert.Equal(new DateTimeOffset(2022, 1, 4, 20, 0, 0, TimeSpan.Zero), entry.Published!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2022, 1, 4, 22, 0, 0, TimeSpan.Zero), entry.Updated!.Value.ToUniversalTime());
        Assert.Equal("Emergency rule in two regions.", entry.Summary);
    }

    [Fact]
    public void Rss1_rdf_items_with_syndication_module_period()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
              <channel rdf:about="https://rdf.example/">
                <title>RDF News</title>
                <sy:updatePeriod>hourly</sy:updatePeriod>
                <sy:updateFrequency>4</sy:updateFrequency>
              </channel>
              <item rdf:about="https://rdf.example/a">
                <title>Airport seized</title>
                <link>https://rdf.example/a</link>
                <dc:date>2022-01-05T18:00:00+06:00</dc:date>
                <description>Almaty airport.</description>
              </item>
            </rdf:RDF>
            """);

        Assert.Equal(FeedFormat.Rdf, feed.Format);
        Assert.Equal("tolerant", feed.ParsedBy);
        Assert.Equal("RDF News", feed.Title);
        Assert.Equal(TimeSpan.FromMinutes(15), feed.Ttl);
        var item = Assert.Single(feed.Items);
        Assert.Equal(new Uri("https://rdf.example/a"), item.Link);
        Assert.Equal("https://rdf.example/a", item.Guid);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 12, 0, 0, TimeSpan.Zero), item.Published!.Value.ToUniversalTime());
    }

    [Theory]
    [InlineData("0.91")]
    [InlineData("0.92")]
    [InlineData("2.01")]
    [InlineData(null)]
    public void Rss_versions_the_syndication_reader_refuses_are_read_by_the_tolerant_one(string? version)
    {
        var rss = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss{(version is null ? "" : $" version=\"{version}\"")}><channel><title>Old feed</title><link>http://old.example/</link>
            <item><title>Protests in Almaty</title><link>http://old.example/a</link></item>
            <item><title>Curfew</title><link>http://old.example/b</link></item>
            </channel></rss>
            """;

        var feed = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(rss), new Uri("http://old.example/rss"));

        Assert.Equal(["http://old.example/a", "http://old.example/b"], feed.Items.Select(i => i.Link!.AbsoluteUri));
        Assert.Equal("Old feed", feed.Title);
    }

    [Fact]
    public void A_feed_with_bad_dates_still_yields_every_item()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>Sloppy</title>
              <item><title>Wrong weekday, named zone</title><link>https://s.example/1</link><pubDate>Mon, 05 Jan 2022 14:00:00 ALMT</pubDate></item>
              <item><title>Garbage date</title><link>https://s.example/2</link><pubDate>yesterday-ish</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal("tolerant", feed.ParsedBy);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 8, 0, 0, TimeSpan.Zero), feed.Items[0].Published!.Value.ToUniversalTime());
        Assert.Null(feed.Items[1].Published);
        Assert.Equal(new Uri("https://s.example/2"), feed.Items[1].Link);
    }

    [Fact]
    public void The_header_charset_decodes_a_feed_without_declaration()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var body = Encoding.GetEncoding("windows-1251").GetBytes(
            "<rss version=\"2.0\"><channel><title>Новости</title><item><title>Беспорядки в Алматы</title><link>https://k.example/1</link></item></channel></rss>");

        var feed = FeedParser.Parse(body, FeedUrl, "windows-1251");

        Assert.Equal("Новости", feed.Title);
        Assert.Equal("Беспорядки в Алматы", Assert.Single(feed.Items).Title);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><item><title>cut off")]
    [InlineData("<rss><channel><item><title>a & b</title></item></channel></rss>")]
    [InlineData("")]
    public void Malformed_xml_throws_instead_of_returning_part(string xml)
    {
        var error = Assert.Throws<FeedParseException>(() => Parse(xml));

        Assert.Contains("not well-formed XML", error.Message);
    }

    [Fact]
    public void Html_is_not_a_feed()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse("<html><body>Moved</body></html>"));

        Assert.Contains("root element is <html>", error.Message);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "SECRET-FILE-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{path}">]>
                <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
                """;

            var error = Assert.Throws<FeedParseException>(() => Parse(xml));

            Assert.DoesNotContain("SECRET", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Feed Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), FeedUrl);
}
