using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Every feed format still served, and who reads which:
/// <list type="bullet">
/// <item>RSS 2.0 and Atom 1.0: System.ServiceModel.Syndication (Microsoft-maintained; knows Atom's link relations
/// and xml:base). When it refuses a feed (RSS 0.91, 0.92, 0.93, 0.94, 2.01, 2.1 or no version at all, or one bad
/// date), <see cref="TolerantFeedReader"/> reads it instead.</item>
/// <item>RDF (RSS 0.90 and 1.0), Atom 0.3 and CDF (Microsoft's Channel Definition Format): <see cref="TolerantFeedReader"/>
/// (Syndication has no formatter for them).</item>
/// <item>JSON Feed 1.0 and 1.1 (Content-Type application/feed+json or application/json, or a body starting with "{"):
/// <see cref="JsonFeedReader"/> over System.Text.Json.</item>
/// </list>
/// The encoding comes from <see cref="CharsetDetector"/>: BOM, Content-Type charset, UTF-16/32 byte layout, XML declaration.
/// XML is read through <see cref="SafeXml"/>, whose depth and node bounds keep the cost linear. Anything not well-formed,
/// over a bound or not a feed throws <see cref="FeedParseException"/>: a feed is read entirely or not at all.
/// </summary>
public static class FeedParser
{
    /// <summary>Parses a fetched feed, with the charset and media type its Content-Type header named.</summary>
    /// <exception cref="FeedParseException">Not well-formed, over a bound, or not a feed.</exception>
    public static Feed Parse(FetchResult fetched) => Parse(fetched.Body, fetched.FinalUrl, fetched.Charset, fetched.ContentType);

    /// <param name="body">The feed bytes.</param>
    /// <param name="feedUrl">Where the feed came from, to make relative item links absolute.</param>
    /// <param name="headerCharset">The Content-Type charset, which outranks the XML declaration (RFC 7303).</param>
    /// <param name="mediaType">The Content-Type media type, which tells JSON Feed from XML.</param>
    /// <exception cref="FeedParseException">Not well-formed, over a bound, or not a feed.</exception>
    public static Feed Parse(byte[] body, Uri? feedUrl = null, string? headerCharset = null, string? mediaType = null)
    {
        if (body.Length > SafeXml.MaxCharacters)
        {
            throw new FeedParseException(string.Create(CultureInfo.InvariantCulture, $"the feed is {body.Length:N0} bytes, more than the {SafeXml.MaxCharacters:N0} read"));
        }

        var text = CharsetDetector.Detect(body, headerCharset).Decode(body);
        if (IsJson(text, mediaType))
        {
            return JsonFeedReader.Read(text, feedUrl);
        }

        var document = Load(text);
        var root = document.Root!;
        var format = DetectFormat(root);
        var ttl = FeedTtl.Read(root);
        var tolerant = TolerantFeedReader.Read(root, format, feedUrl);
        if (format is FeedFormat.Rss or FeedFormat.Atom && TrySyndication(document, feedUrl) is var (title, items))
        {
            // Syndication knows no Dublin Core: items titled or dated only by dc:title, dc:date or dcterms get those
            // from the tolerant reading of the same elements, which lists the items in the same order.
            var filled = items.Count == tolerant.Items.Count ? items.Zip(tolerant.Items, Fill).ToList() : items;
            return new Feed(format, Blank(title) ? tolerant.Title : title, filled, ttl, "syndication");
        }

        return new Feed(format, tolerant.Title, tolerant.Items, ttl, "tolerant");
    }

    private static FeedItem Fill(FeedItem strict, FeedItem tolerant) => strict with
    {
        Link = strict.Link ?? tolerant.Link,
        Title = Blank(strict.Title) ? tolerant.Title : strict.Title,
        Published = strict.Published ?? tolerant.Published,
        Updated = strict.Updated ?? tolerant.Updated,
        Guid = strict.Guid ?? tolerant.Guid,
        Summary = Blank(strict.Summary) ? tolerant.Summary : strict.Summary,
    };

    private static bool Blank(string? text) => string.IsNullOrEmpty(text);

    private static bool IsJson(string text, string? mediaType)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("{") || (start.IsEmpty is false && start[0] != '<' && mediaType is not null
            && (mediaType.Contains("application/feed+json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Contains("application/json", StringComparison.OrdinalIgnoreCase)));
    }

    private static XDocument Load(string text)
    {
        try
        {
            using var reader = SafeXml.Create(new StringReader(text));
            return XDocument.Load(reader);
        }
        catch (XmlLimitException ex)
        {
            throw new FeedParseException($"the feed is refused: {ex.Message}", ex);
        }
        catch (XmlException ex)
        {
            throw new FeedParseException($"the feed is not well-formed XML: {ex.Message}", ex);
        }
    }

    private static FeedFormat DetectFormat(XElement root) => root.Name.LocalName switch
    {
        "rss" => FeedFormat.Rss,
        "RDF" => FeedFormat.Rdf,
        "feed" => FeedFormat.Atom,
        var name when name.Equals("channel", StringComparison.OrdinalIgnoreCase) => FeedFormat.Cdf,
        var other => throw new FeedParseException($"not an RSS, RDF, Atom or CDF feed: the root element is <{other}>"),
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
