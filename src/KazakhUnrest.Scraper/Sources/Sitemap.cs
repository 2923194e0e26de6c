namespace KazakhUnrest.Scraper.Sources;

/// <summary>A parsed sitemap: page URLs (<see cref="SitemapKind.UrlSet"/>) or more sitemaps to read (<see cref="SitemapKind.Index"/>).</summary>
/// <param name="Truncated">True when the file held more than the entry cap and the rest was not read.</param>
public sealed record Sitemap(SitemapKind Kind, IReadOnlyList<SitemapEntry> Entries, bool Truncated);

/// <param name="News">The Google News extension, when the entry carries one.</param>
public sealed record SitemapEntry(Uri Location, DateTimeOffset? LastModified, NewsSitemapInfo? News);

/// <summary>&lt;news:news&gt;: publication name and language, publication date and title.</summary>
public sealed record NewsSitemapInfo(string? PublicationName, string? Language, DateTimeOffset? PublicationDate, string? Title);

public enum SitemapKind
{
    UrlSet,
    Index,
}
