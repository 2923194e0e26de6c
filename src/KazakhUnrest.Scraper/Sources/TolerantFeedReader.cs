using System.Text;
using System.Xml.Linq;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Reads well-formed feeds that strict parsers reject: RDF (RSS 0.90 and 1.0), Atom 0.3, CDF, bad dates, missing or
/// unknown RSS versions, mixed namespaces.
/// </summary>
internal static class TolerantFeedReader
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static (string? Title, List<FeedItem> Items) Read(XElement root, FeedFormat format, Uri? feedUrl)
    {
        if (format == FeedFormat.Cdf)
        {
            return Cdf(root, feedUrl);
        }

        var channel = root.ChildrenNamed("channel").FirstOrDefault();
        var (title, entries) = format switch
        {
            FeedFormat.Atom => (AtomText(root.ChildNamed("title")), root.ChildrenNamed("entry")),
            FeedFormat.Rss => (channel.ChildText("title"), channel.ChildrenNamed("item").Concat(root.ChildrenNamed("item"))),
            _ => (channel.ChildText("title"), root.ChildrenNamed("item")),
        };
        var items = entries.Select(e => format == FeedFormat.Atom ? AtomEntry(e, feedUrl) : RssItem(e, feedUrl)).ToList();
        return (title, items);
    }

    private static FeedItem RssItem(XElement item, Uri? feedUrl) => new(
        FeedLinks.Absolute(item.ChildText("link") ?? item.ChildrenNamed("link").Select(l => (string?)l.Attribute("href")).FirstOrDefault(), feedUrl),
        item.ChildText("title"),
        TolerantDate.Parse(item.ChildText("pubDate") ?? item.ChildText("date") ?? item.ChildText("published") ?? item.ChildText("issued") ?? item.ChildText("created")),
        TolerantDate.Parse(item.ChildText("updated") ?? item.ChildText("modified")),
        item.ChildText("guid") ?? (string?)item.Attribute(Rdf + "about"),
        item.ChildText("description") ?? item.ChildText("summary"));

    private static FeedItem AtomEntry(XElement entry, Uri? feedUrl)
    {
        var links = entry.ChildrenNamed("link").ToList();
        var link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        return new FeedItem(
            FeedLinks.Absolute((string?)link?.Attribute("href"), feedUrl),
            AtomText(entry.ChildNamed("title")),
            TolerantDate.Parse(entry.ChildText("published") ?? entry.ChildText("issued") ?? entry.ChildText("created")),
            TolerantDate.Parse(entry.ChildText("updated") ?? entry.ChildText("modified")),
            entry.ChildText("id"),
            entry.ChildText("summary"));
    }

    /// <summary>Atom 0.3 allowed mode="base64" text constructs.</summary>
    private static string? AtomText(XElement? element)
    {
        var text = element?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if ((string?)element!.Attribute("mode") == "base64")
        {
            var bytes = new byte[text.Length];
            return Convert.TryFromBase64String(text, bytes, out var length) ? Encoding.UTF8.GetString(bytes, 0, length).Trim() : text;
        }

        return text;
    }

    /// <summary>
    /// CDF names its elements and attributes in capitals but was written by hand in any case; items may sit in
    /// sub-channels, and the link is the ITEM's HREF attribute.
    /// </summary>
    private static (string? Title, List<FeedItem> Items) Cdf(XElement root, Uri? feedUrl)
    {
        var items = root.Descendants().Where(e => Is(e, "item")).Select(item => new FeedItem(
            FeedLinks.Absolute(Attribute(item, "href"), feedUrl),
            CdfText(item, "title"),
            null,
            TolerantDate.Parse(Attribute(item, "lastmod")),
            null,
            CdfText(item, "abstract"))).ToList();
        return (CdfText(root, "title"), items);
    }

    private static bool Is(XElement element, string name) => string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static string? CdfText(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => Is(e, name))?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
