using System.Text;
using System.Xml.Linq;
using KazakhUnrest.Scraper.Sources;
using KazakhUnrest.Web.Shared;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// The site's Atom feeds, written with outside text at its most hostile and read back with the scraper's own feed parser,
/// the strict Syndication reader first: what one side of the project writes, the other reads as the same feed.
/// </summary>
public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly Uri Site = new("https://kazakhunrest.test/");

    // Markup, the end of a CDATA section, an entity, XML 1.0's forbidden controls, C1 controls, a noncharacter, half a
    // surrogate pair, Cyrillic and Kazakh letters and a whole surrogate pair (an emoji), all in one title.
    private const string HostileTitle =
        "<b>Тоқаев</b> & \"ОДКБ\" ]]> <![CDATA[x]]> &amp; \u0001\u0008\u000b\u000c\u001f\u007f\u0085\ufffe\ud800 Алматы 🇰🇿";

    private const string CleanTitle = "<b>Тоқаев</b> & \"ОДКБ\" ]]> <![CDATA[x]]> &amp;  Алматы 🇰🇿";

    private const string HostileSummary = "<script>alert(1)</script>\u0000Протесты в Жанаозене]]></summary><evil/>";

    private const string CleanSummary = "<script>alert(1)</script>Протесты в Жанаозене]]></summary><evil/>";

    private static readonly DateTimeOffset Older = new(2022, 1, 5, 8, 30, 15, 250, TimeSpan.FromHours(6));
    private static readonly DateTimeOffset Newer = new(2022, 1, 6, 23, 59, 59, 999, TimeSpan.Zero);

    [Fact]
    public void Hostile_text_is_written_as_text_and_the_project_parser_reads_back_ids_titles_links_and_times()
    {
        var feed = Feed(
            new AtomEntry(Address("/articles/7"), HostileTitle, new Uri(Site, "/articles/7"), Older.AddHours(-1), Older, "Радио Азаттык\u0002")
            {
                Summary = HostileSummary,
                Categories = [new AtomCategory("zhanaozen", "Жанаозен <b>"), new AtomCategory("\u0001 ")],
            },
            new AtomEntry("tag:kazakhunrest.test,2022:articles/8", "Second", new Uri(Site, "/articles/8?s=1&l=2"), null, Newer, "  "));

        var bytes = AtomFeedWriter.Write(feed);

        var parsed = FeedParser.Parse(bytes, feed.Self, "utf-8", "application/atom+xml");
        // The strict reader accepted it: valid Atom 1.0, not merely something the tolerant fallback could read.
        Assert.Equal(FeedFormat.Atom, parsed.Format);
        Assert.Equal("syndication", parsed.ParsedBy);
        Assert.Equal("Search: <Тоқаев> & ОДКБ", parsed.Title);
        Assert.Collection(parsed.Items,
            first =>
            {
                Assert.Equal(Address("/articles/7"), first.Guid);
                Assert.Equal(CleanTitle, first.Title);
                Assert.Equal(new Uri(Site, "/articles/7"), first.Link);
                Assert.Equal(new DateTimeOffset(2022, 1, 5, 2, 30, 15, TimeSpan.Zero), first.Updated);
                Assert.Equal(new DateTimeOffset(2022, 1, 5, 1, 30, 15, TimeSpan.Zero), first.Published);
                Assert.Equal(CleanSummary, first.Summary);
            },
            second =>
            {
                Assert.Equal("tag:kazakhunrest.test,2022:articles/8", second.Guid);
                Assert.Equal(new Uri(Site, "/articles/8?s=1&l=2"), second.Link);
                Assert.Equal(new DateTimeOffset(2022, 1, 6, 23, 59, 59, TimeSpan.Zero), second.Updated);
                Assert.Null(second.Published);
                Assert.Null(second.Summary);
            });

        // What the parser does not report: feed-level elements, authors and categories, read as plain XML.
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("<b>", text);
        Assert.DoesNotContain("<script", text);
        Assert.DoesNotContain("<evil", text);
        Assert.DoesNotContain("]]>", text);
        Assert.DoesNotContain("CDATA[x]]>", text);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
        var root = XDocument.Parse(text).Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal(Address("/search/feed?q=tokayev"), root.Element(Atom + "id")!.Value);
        Assert.Equal("2022-01-06T23:59:59Z", root.Element(Atom + "updated")!.Value);
        Assert.Equal("Newest articles matching Тоқаев", root.Element(Atom + "subtitle")!.Value);
        Assert.Equal(AtomFeedWriter.SiteName, root.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal(new Uri(Site, "/search/feed?q=tokayev").AbsoluteUri, Link(root, "self")!.Attribute("href")!.Value);
        Assert.Equal("application/atom+xml", Link(root, "self")!.Attribute("type")!.Value);
        Assert.Equal(new Uri(Site, "/search?q=tokayev").AbsoluteUri, Link(root, "alternate")!.Attribute("href")!.Value);
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal("Радио Азаттык", entries[0].Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Null(entries[1].Element(Atom + "author"));
        var category = Assert.Single(entries[0].Elements(Atom + "category"));
        Assert.Equal("zhanaozen", category.Attribute("term")!.Value);
        Assert.Equal("Жанаозен <b>", category.Attribute("label")!.Value);
        Assert.All(root.Descendants().Where(e => e.Name.LocalName is "title" or "subtitle" or "summary"),
            e => Assert.Equal("text", e.Attribute("type")!.Value));
    }

    [Fact]
    public void An_empty_feed_is_valid_and_updated_when_its_fallback_says()
    {
        var bytes = AtomFeedWriter.Write(Feed());

        var parsed = FeedParser.Parse(bytes, new Uri(Site, "/search/feed?q=tokayev"));
        Assert.Equal("syndication", parsed.ParsedBy);
        Assert.Empty(parsed.Items);
        var root = XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!;
        Assert.Equal("2022-01-01T00:00:00Z", root.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void The_feed_is_updated_when_its_newest_entry_is_whatever_the_order()
    {
        var feed = Feed(
            new AtomEntry(Address("/articles/1"), "a", new Uri(Site, "/articles/1"), null, Older, "x"),
            new AtomEntry(Address("/articles/2"), "b", new Uri(Site, "/articles/2"), null, Newer, "x"),
            new AtomEntry(Address("/articles/3"), "c", new Uri(Site, "/articles/3"), null, Older, "x"));
        Assert.Equal(Newer, feed.Updated);
        Assert.Equal(new DateTimeOffset(2022, 1, 6, 23, 59, 59, TimeSpan.Zero), AtomFeedWriter.Result(feed).LastModified);
    }

    [Theory]
    [InlineData("/articles/1")]
    [InlineData("articles 1")]
    [InlineData("")]
    [InlineData("https://kazakhunrest.test/articles/1\u0001")]
    public void An_id_that_is_not_an_absolute_iri_is_refused(string id)
    {
        var feed = Feed(new AtomEntry(id, "a", new Uri(Site, "/articles/1"), null, Older, "x"));
        Assert.Throws<ArgumentException>(() => AtomFeedWriter.Write(feed));
    }

    [Fact]
    public void A_link_that_is_not_absolute_is_refused()
    {
        var feed = Feed(new AtomEntry(Address("/articles/1"), "a", new Uri("/articles/1", UriKind.RelativeOrAbsolute), null, Older, "x"));
        Assert.Throws<ArgumentException>(() => AtomFeedWriter.Write(feed));
    }

    [Fact]
    public void Addresses_are_absolute_on_the_requesting_host_and_path_base()
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Scheme = "https";
        http.Request.Host = new Microsoft.AspNetCore.Http.HostString("news.example:8443");
        http.Request.PathBase = "/ku";
        Assert.Equal("https://news.example:8443/ku/articles/5", AtomFeed.Address(http.Request, "/articles/5").AbsoluteUri);
        Assert.Equal("https://news.example:8443/ku/search/feed?q=%D0%A2", AtomFeed.Address(http.Request, "search/feed?q=Т").AbsoluteUri);
    }

    private static AtomFeed Feed(params AtomEntry[] entries) =>
        new(Address("/search/feed?q=tokayev"), "Search: <Тоқаев> & ОДКБ\u0007", new Uri(Site, "/search/feed?q=tokayev"),
            new Uri(Site, "/search?q=tokayev"), entries, new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
            Subtitle = "Newest articles matching Тоқаев",
        };

    private static string Address(string path) => new Uri(Site, path).AbsoluteUri;

    private static XElement? Link(XElement parent, string relation) =>
        parent.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == relation);
}
