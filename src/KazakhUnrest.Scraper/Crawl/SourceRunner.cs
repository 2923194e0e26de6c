using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>Runs one leased source and records the outcome on it: counts, validators, error, and when to look again.</summary>
public sealed partial class SourceRunner(KazakhDbContext db, SourceKinds kinds, IOptions<ScraperOptions> options, ILogger<SourceRunner> logger,
    TimeProvider time)
{
    public async Task<SourceRun> RunAsync(int sourceId, CancellationToken ct)
    {
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId, ct);
        var started = time.GetUtcNow();
        SourceRun run;
        try
        {
            run = await kinds.RunAsync(source, ct);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException or HttpRequestException)
        {
            run = new SourceRun { Error = e.Message };
        }

        Record(source, run, started);
        // Leave the row to the next lease even if the run was cancelled half-way.
        await db.SaveChangesAsync(CancellationToken.None);
        if (run.Error is null)
        {
            LogRan(logger, source.Id, source.Name, run.Articles.New, run.Articles.Updated, run.Articles.Unchanged, run.FailedPages);
        }
        else
        {
            LogFailed(logger, source.Id, source.Name, source.ConsecutiveErrors, run.Error);
        }

        return run;
    }

    private void Record(Source source, SourceRun run, DateTimeOffset started)
    {
        var o = options.Value;
        source.LastRunAt = started;
        source.LeasedUntil = null;
        source.LeasedBy = null;
        source.LastNewCount = run.Articles.New;
        source.LastUpdatedCount = run.Articles.Updated;
        source.LastUnchangedCount = run.Articles.Unchanged;
        if (run.Error is not null)
        {
            source.ConsecutiveErrors++;
            source.LastError = run.Error;
            source.LastErrorAt = started;
            // Exponential backoff from the shortest interval, unless the server said when to come back.
            var backoff = run.RetryAfter ?? o.MinInterval * Math.Pow(2, Math.Min(source.ConsecutiveErrors - 1, 16));
            source.NextCheckAt = started + Clamp(backoff, o.MinInterval, o.MaxInterval);
            return;
        }

        source.ConsecutiveErrors = 0;
        source.LastSuccessAt = started;
        source.ETag = run.ETag;
        source.LastModified = run.LastModified;
        if (run.LastPageError is not null)
        {
            source.LastError = run.FailedPages > 0 ? $"{run.FailedPages} pages not stored; last: {run.LastPageError}" : run.LastPageError;
            source.LastErrorAt = started;
        }

        var interval = run.SuggestedInterval
            ?? (run.SuggestedNextCheck is { } next ? next - started : o.DefaultInterval);
        source.NextCheckAt = started + Clamp(interval, o.MinInterval, o.MaxInterval);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min ? min : value > max ? max : value;

    [LoggerMessage(LogLevel.Information, "Source {SourceId} {SourceName}: {New} new, {Updated} updated, {Unchanged} unchanged, {FailedPages} pages failed")]
    private static partial void LogRan(ILogger logger, int sourceId, string sourceName, int @new, int updated, int unchanged, int failedPages);

    [LoggerMessage(LogLevel.Error, "Source {SourceId} {SourceName} failed ({ConsecutiveErrors} in a row): {Error}")]
    private static partial void LogFailed(ILogger logger, int sourceId, string sourceName, int consecutiveErrors, string error);
}
