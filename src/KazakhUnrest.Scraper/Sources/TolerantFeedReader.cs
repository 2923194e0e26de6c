using System.Xml.Linq;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Reads well-formed feeds that strict parsers reject: RDF, bad dates, missing versions, mixed namespaces.
/// </summary>
internal static class TolerantFeedReader
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static (string? Title, List<FeedItem> Items) Read(XElement root, FeedFormat format, Uri? feedUrl)
    {
        var channel = root.ChildrenNamed("channel").FirstOrDefault();
        var (title, entries) = format switch
        {
            FeedFormat.Atom => (root.ChildText("title"), root.ChildrenNamed("entry")),
            FeedFormat.Rss => (channel.ChildText("title"), channel.ChildrenNamed("item").Concat(root.ChildrenNamed("item"))),
            _ => (channel.ChildText("title"), root.ChildrenNamed("item")),
        };
        var items = entries.Select(e => format == FeedFormat.Atom ? AtomEntry(e, feedUrl) : RssItem(e, feedUrl)).ToList();
        return (title, items);
    }

    private static FeedItem RssItem(XElement item, Uri? feedUrl) => new(
        FeedLinks.Absolute(item.ChildText("link") ?? item.ChildrenNamed("link").Select(l => (string?)l.Attribute("href")).FirstOrDefault(), feedUrl),
        item.ChildText("title"),
        TolerantDate.Parse(item.ChildText("pubDate") ?? item.ChildText("date") ?? item.ChildText("published")),
        TolerantDate.Parse(item.ChildText("updated") ?? item.ChildText("modified")),
        item.ChildText("guid") ?? (string?)item.Attribute(Rdf + "about"),
        item.ChildText("description") ?? item.ChildText("summary"));

    private static FeedItem AtomEntry(XElement entry, Uri? feedUrl)
    {
        var links = entry.ChildrenNamed("link").ToList();
        var link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        return new FeedItem(
            FeedLinks.Absolute((string?)link?.Attribute("href"), feedUrl),
            entry.ChildText("title"),
            TolerantDate.Parse(entry.ChildText("published") ?? entry.ChildText("issued")),
            TolerantDate.Parse(entry.ChildText("updated") ?? entry.ChildText("modified")),
            entry.ChildText("id"),
            entry.ChildText("summary"));
    }
}
