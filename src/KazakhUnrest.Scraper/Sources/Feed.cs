namespace KazakhUnrest.Scraper.Sources;

/// <summary>A parsed RSS, RDF, Atom, CDF or JSON feed.</summary>
/// <param name="Ttl">How long the feed says it stays fresh: RSS &lt;ttl&gt;, else sy:updatePeriod / sy:updateFrequency.</param>
/// <param name="ParsedBy">"syndication" when System.ServiceModel.Syndication read it, "tolerant" when our XML fallback did, "json" for JSON Feed.</param>
public sealed record Feed(FeedFormat Format, string? Title, IReadOnlyList<FeedItem> Items, TimeSpan? Ttl, string ParsedBy);

/// <param name="Link">Absolute article URL (relative links are resolved against the feed URL).</param>
/// <param name="Guid">RSS guid, Atom id or RDF rdf:about.</param>
public sealed record FeedItem(Uri? Link, string? Title, DateTimeOffset? Published, DateTimeOffset? Updated, string? Guid, string? Summary);

public enum FeedFormat
{
    /// <summary>&lt;rss&gt;, any version from 0.91 to 2.1 or none.</summary>
    Rss,

    /// <summary>&lt;rdf:RDF&gt;: RSS 0.90 and RSS 1.0.</summary>
    Rdf,

    /// <summary>&lt;feed&gt;: Atom 0.3 and 1.0.</summary>
    Atom,

    /// <summary>Microsoft's Channel Definition Format (1997): &lt;CHANNEL&gt; with &lt;ITEM HREF="…"&gt;.</summary>
    Cdf,

    /// <summary>JSON Feed 1.0 and 1.1.</summary>
    JsonFeed,
}
