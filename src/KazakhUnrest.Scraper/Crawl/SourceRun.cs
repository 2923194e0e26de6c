using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Scraper.Pipeline;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>What running one source came to, for its fetch state and the status page.</summary>
public sealed record SourceRun
{
    public IngestResult Articles { get; init; } = IngestResult.None;

    /// <summary>Why the source itself failed (its feed, sitemap or archive answer); null when it was read.</summary>
    public string? Error { get; init; }

    /// <summary>Pages linked from the source that could not be fetched or extracted; the source still counts as read.</summary>
    public int FailedPages { get; init; }
    public string? LastPageError { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The interval the source itself suggests (feed TTL, Cache-Control, Expires).</summary>
    public DateTimeOffset? SuggestedNextCheck { get; init; }
    public TimeSpan? SuggestedInterval { get; init; }

    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    public static SourceRun Failed(FetchResult fetch) => new()
    {
        Error = $"{fetch.Outcome}: {fetch.Error ?? $"HTTP {fetch.StatusCode}"}",
        RetryAfter = fetch.RetryAfter,
    };
}
