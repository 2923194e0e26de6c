namespace KazakhUnrest.Scraper.Sources;

/// <summary>One entry of a GDELT DOC 2.0 ArtList answer.</summary>
/// <param name="SeenAt">When GDELT first saw the article (its "seendate", UTC), not the publication time.</param>
public sealed record GdeltArticle(
    Uri Url,
    Uri? MobileUrl,
    string? Title,
    DateTimeOffset? SeenAt,
    Uri? SocialImage,
    string? Domain,
    string? Language,
    string? SourceCountry);

/// <summary>The answer for one time window.</summary>
/// <param name="Error">Why the window could not be read (fetch failure, GDELT error text, bad JSON); null when it was.</param>
/// <param name="Fetch">The request behind the answer, for logs and backoff (e.g. RetryLater with RetryAfter).</param>
/// <param name="Incomplete">The window still filled GDELT's record cap at the smallest window size, so some articles may be missing.</param>
public sealed record GdeltWindow(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<GdeltArticle> Articles,
    string? Error,
    bool Incomplete,
    Fetching.FetchResult Fetch);
