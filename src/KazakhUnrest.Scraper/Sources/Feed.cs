namespace KazakhUnrest.Scraper.Sources;

/// <summary>A parsed RSS, RDF or Atom feed.</summary>
/// <param name="Ttl">How long the feed says it stays fresh: RSS &lt;ttl&gt;, else sy:updatePeriod / sy:updateFrequency.</param>
/// <param name="ParsedBy">"syndication" when System.ServiceModel.Syndication read it, "tolerant" when our fallback did.</param>
public sealed record Feed(FeedFormat Format, string? Title, IReadOnlyList<FeedItem> Items, TimeSpan? Ttl, string ParsedBy);

/// <param name="Link">Absolute article URL (relative links are resolved against the feed URL).</param>
/// <param name="Guid">RSS guid, Atom id or RDF rdf:about.</param>
public sealed record FeedItem(Uri? Link, string? Title, DateTimeOffset? Published, DateTimeOffset? Updated, string? Guid, string? Summary);

public enum FeedFormat
{
    Rss,
    Rdf,
    Atom,
}
