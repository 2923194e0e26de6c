using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// urlset and sitemapindex files, plain or gzip (recognised by its magic bytes, since servers label
/// .xml.gz every which way), with lastmod and the Google News extension. Read as a stream, so the caps
/// (sitemaps.org: 50,000 entries, 50 MB uncompressed) bound memory, and <see cref="SafeXml"/>'s depth and node
/// bounds keep the time linear.
/// </summary>
public static class SitemapParser
{
    public const int DefaultMaxEntries = 50_000;
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <exception cref="SitemapParseException">Malformed, not a sitemap, larger than <paramref name="maxBytes"/> uncompressed, or nested or numbered past <see cref="SafeXml"/>'s bounds.</exception>
    public static Sitemap Parse(byte[] body, Uri? sitemapUrl = null, int maxEntries = DefaultMaxEntries, long maxBytes = DefaultMaxBytes)
    {
        try
        {
            using var stream = Open(body, maxBytes);
            using var reader = SafeXml.Create(stream);
            return Read(reader, sitemapUrl, maxEntries);
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or BodyTooLargeException)
        {
            throw new SitemapParseException($"unreadable sitemap: {ex.Message}", ex);
        }
    }

    private static Stream Open(byte[] body, long maxBytes)
    {
        Stream stream = new MemoryStream(body, writable: false);
        if (body is [0x1F, 0x8B, ..])
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new CappedStream(stream, maxBytes, "the uncompressed sitemap");
    }

    private static Sitemap Read(XmlReader reader, Uri? sitemapUrl, int maxEntries)
    {
        reader.MoveToContent();
        var kind = reader.LocalName switch
        {
            "urlset" => SitemapKind.UrlSet,
            "sitemapindex" => SitemapKind.Index,
            var other => throw new SitemapParseException($"not a sitemap: the root element is <{other}>"),
        };
        var entryName = kind == SitemapKind.UrlSet ? "url" : "sitemap";
        var entries = new List<SitemapEntry>();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != entryName || reader.Depth != 1)
            {
                reader.Read();
                continue;
            }

            if (entries.Count == maxEntries)
            {
                return new Sitemap(kind, entries, Truncated: true);
            }

            // ReadFrom leaves the reader on the node after the entry, so no Read() here.
            if (Entry((XElement)XNode.ReadFrom(reader), sitemapUrl) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return new Sitemap(kind, entries, Truncated: false);
    }

    private static SitemapEntry? Entry(XElement element, Uri? sitemapUrl)
    {
        var location = FeedLinks.Absolute(element.ChildText("loc"), sitemapUrl);
        if (location is null)
        {
            return null;
        }

        var news = element.ChildNamed("news");
        return new SitemapEntry(location, TolerantDate.Parse(element.ChildText("lastmod")), news is null ? null : News(news));
    }

    private static NewsSitemapInfo News(XElement news)
    {
        var publication = news.ChildNamed("publication");
        return new NewsSitemapInfo(publication.ChildText("name"), publication.ChildText("language"),
            TolerantDate.Parse(news.ChildText("publication_date")), news.ChildText("title"));
    }
}
