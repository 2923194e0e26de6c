using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// RSS 2.0, RSS 1.0 (RDF) and Atom. System.ServiceModel.Syndication reads what it can (it is the
/// Microsoft-maintained parser and knows Atom's link relations and xml:base); it rejects RDF and whole
/// feeds over one bad date, so those go through <see cref="TolerantFeedReader"/>. XML that is not
/// well-formed always throws <see cref="FeedParseException"/>: a feed is read entirely or not at all.
/// </summary>
public static class FeedParser
{
    /// <summary>Parses a fetched feed, with the charset its Content-Type header named.</summary>
    /// <exception cref="FeedParseException">Not well-formed XML, or not a feed.</exception>
    public static Feed Parse(FetchResult fetched) => Parse(fetched.Body, fetched.FinalUrl, fetched.Charset);

    /// <param name="body">The feed bytes.</param>
    /// <param name="feedUrl">Where the feed came from, to make relative item links absolute.</param>
    /// <param name="headerCharset">The Content-Type charset, which outranks the XML declaration (RFC 7303).</param>
    /// <exception cref="FeedParseException">Not well-formed XML, or not a feed.</exception>
    public static Feed Parse(byte[] body, Uri? feedUrl = null, string? headerCharset = null)
    {
        var document = Load(body, headerCharset);
        var root = document.Root!;
        var format = DetectFormat(root);
        var ttl = FeedTtl.Read(root);
        if (format != FeedFormat.Rdf && TrySyndication(document, feedUrl) is var (title, items))
        {
            return new Feed(format, title, items, ttl, "syndication");
        }

        var tolerant = TolerantFeedReader.Read(root, format, feedUrl);
        return new Feed(format, tolerant.Title, tolerant.Items, ttl, "tolerant");
    }

    private static XDocument Load(byte[] body, string? headerCharset)
    {
        try
        {
            using var reader = XmlReader.Create(Text(body, headerCharset), SafeXml.Settings());
            return XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FeedParseException($"the feed is not well-formed XML: {ex.Message}", ex);
        }
    }

    // Decoding ourselves lets a header charset win; without one, the detector reads the BOM and XML declaration as XmlReader would.
    private static StringReader Text(byte[] body, string? headerCharset) =>
        new(CharsetDetector.Detect(body, headerCharset).Decode(body));

    private static FeedFormat DetectFormat(XElement root) => root.Name.LocalName switch
    {
        "rss" => FeedFormat.Rss,
        "RDF" => FeedFormat.Rdf,
        "feed" => FeedFormat.Atom,
        var other => throw new FeedParseException($"not an RSS, RDF or Atom feed: the root element is <{other}>"),
    };

    private static (string? Title, List<FeedItem> Items)? TrySyndication(XDocument document, Uri? feedUrl)
    {
        try
        {
            using var reader = document.CreateReader();
            var feed = SyndicationFeed.Load(reader);
            feed.BaseUri ??= feedUrl;
            // Items and their dates are parsed lazily, so mapping them is part of the attempt.
            return (feed.Title?.Text?.Trim(), feed.Items.Select(i => FromSyndication(i, feedUrl)).ToList());
        }
        // Syndication signals "I cannot read this" with several exception types (NotSupportedException for RSS 0.91,
        // 0.92, 2.01 or no version at all); the tolerant reader decides then.
        catch (Exception ex) when (ex is XmlException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static FeedItem FromSyndication(SyndicationItem item, Uri? feedUrl) => new(
        Link(item, feedUrl),
        item.Title?.Text?.Trim(),
        item.PublishDate == default ? null : item.PublishDate,
        item.LastUpdatedTime == default ? null : item.LastUpdatedTime,
        item.Id,
        item.Summary?.Text?.Trim());

    private static Uri? Link(SyndicationItem item, Uri? feedUrl)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? item.Links.FirstOrDefault();
        var uri = link?.GetAbsoluteUri() ?? link?.Uri;
        return uri is null ? null : FeedLinks.Absolute(uri.OriginalString, feedUrl);
    }
}
