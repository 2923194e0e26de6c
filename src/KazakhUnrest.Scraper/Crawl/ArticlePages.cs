using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Urls;
using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Scraper.Pipeline;
using KazakhUnrest.Scraper.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>
/// Fetches the article pages a source lists and feeds them to the pipeline (<see cref="ArticlePipeline.IngestAsync"/>); pages already
/// stored are not fetched again. For archive sources a vanished page is taken from the Wayback Machine.
/// </summary>
public sealed partial class ArticlePages(
    IServiceScopeFactory scopes, ArticlePipeline pipeline, PoliteFetcher fetcher, WaybackClient wayback, IOptions<ScraperOptions> options, ILogger<ArticlePages> logger)
{
    public async Task<SourceRun> IngestAsync(int sourceId, IEnumerable<Uri> links, (DateOnly From, DateOnly To)? archiveWindow, CancellationToken ct)
    {
        var total = IngestResult.None;
        var failed = 0;
        string? lastError = null;
        var seen = new HashSet<string>();
        foreach (var link in links)
        {
            if (link.Scheme is not ("http" or "https"))
            {
                continue;
            }

            var url = CanonicalUrl.Normalize(link);
            if (!seen.Add(url.AbsoluteUri))
            {
                continue;
            }

            if (seen.Count > options.Value.MaxArticlesPerRun)
            {
                break;
            }

            if (await IsStoredAsync(url, ct))
            {
                total = total.Add(new IngestResult(0, 0, 1));
                continue;
            }

            var (capture, error) = await FetchAsync(url, sourceId, archiveWindow, ct);
            if (capture is not null)
            {
                try
                {
                    total = total.Add(await pipeline.IngestAsync(capture, isSample: false, ct));
                    continue;
                }
                catch (IngestException e)
                {
                    error = e.Message;
                }
            }

            failed++;
            lastError = $"{url}: {error}";
            LogPageFailed(logger, sourceId, url, error ?? "unknown");
        }

        return new SourceRun { Articles = total, FailedPages = failed, LastPageError = lastError };
    }

    private async Task<bool> IsStoredAsync(Uri url, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        return await db.Articles.AnyAsync(a => a.CanonicalUrl == url.AbsoluteUri, ct);
    }

    private async Task<(RawCapture? Capture, string? Error)> FetchAsync(Uri url, int sourceId, (DateOnly From, DateOnly To)? archiveWindow, CancellationToken ct)
    {
        var live = await fetcher.FetchAsync(url, null, ct);
        if (live.Outcome == FetchOutcome.Ok)
        {
            return IsPage(live)
                ? (new RawCapture(live.FinalUrl, live.Body, CaptureOrigin.Http, DateTimeOffset.UtcNow, ContentTypeOf(live), live.StatusCode, SourceId: sourceId), null)
                : (null, $"not a page ({live.ContentType})");
        }

        var liveError = $"{live.Outcome}: {live.Error}";
        if (archiveWindow is not { } window || live.Outcome is FetchOutcome.Refused or FetchOutcome.DisallowedByRobots)
        {
            return (null, liveError);
        }

        // The page is gone or unreachable: an archived copy from the window is the next best thing.
        var lookup = await wayback.FindSnapshotsAsync(url, window.From, window.To.AddMonths(1), 5, ct);
        if (lookup.Error is not null || lookup.Snapshots.Count == 0)
        {
            return (null, $"{liveError}; no archived copy ({lookup.Error ?? "none listed"})");
        }

        var snapshot = lookup.Snapshots[0];
        var archived = await wayback.FetchSnapshotAsync(snapshot, ct);
        return archived.Outcome == FetchOutcome.Ok && IsPage(archived)
            ? (new RawCapture(url, archived.Body, CaptureOrigin.Archive, snapshot.CapturedAt ?? DateTimeOffset.UtcNow,
                ContentTypeOf(archived), archived.StatusCode, wayback.RawSnapshotUrl(snapshot).AbsoluteUri, sourceId), null)
            : (null, $"{liveError}; archived copy failed: {archived.Outcome}: {archived.Error}");
    }

    private static bool IsPage(FetchResult fetch) =>
        fetch.ContentType is null or "text/html" or "application/xhtml+xml" or "text/plain";

    private static string? ContentTypeOf(FetchResult fetch) =>
        fetch.ContentType is null ? null : fetch.Charset is null ? fetch.ContentType : $"{fetch.ContentType}; charset={fetch.Charset}";

    [LoggerMessage(LogLevel.Warning, "Source {SourceId}: page {Url} not stored: {Error}")]
    private static partial void LogPageFailed(ILogger logger, int sourceId, Uri url, string error);
}
