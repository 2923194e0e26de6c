namespace KazakhUnrest.Scraper.Sources;

/// <summary>The document is not a sitemap we can read (malformed XML, wrong root, corrupt gzip, over the size cap).</summary>
public sealed class SitemapParseException(string message, Exception? inner = null) : Exception(message, inner);
