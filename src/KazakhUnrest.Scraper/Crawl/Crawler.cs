using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper.Pipeline;
using KazakhUnrest.Scraper.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>
/// Runs sources: leases the due ones (or one by name) through PostgreSQL, runs each by its kind, and records the outcome on
/// it (counts, validators, error, and when to look again). Shared by the service and the crawl and backfill commands.
/// </summary>
public sealed partial class Crawler(IServiceScopeFactory scopes, SourceKinds kinds, IOptions<ScraperOptions> options, ILogger<Crawler> logger,
    TimeProvider time)
{
    public async Task SyncSourcesAsync(CancellationToken ct)
    {
        var path = Path.IsPathRooted(options.Value.SourcesFile)
            ? options.Value.SourcesFile
            : Path.Combine(AppContext.BaseDirectory, options.Value.SourcesFile);
        if (!File.Exists(path))
        {
            LogNoSourcesFile(logger, path);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var count = await SourcesFile.SyncAsync(scope.ServiceProvider.GetRequiredService<KazakhDbContext>(), path, logger, ct);
        LogSynced(logger, count, path);
    }

    /// <summary>Runs every source that is due now, a few at a time; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await SourceLeases.LeaseDueAsync(scope.ServiceProvider.GetRequiredService<KazakhDbContext>(),
                options.Value.Parallelism, options.Value.LeaseTime, ct);
        }

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct },
            async (id, token) => await RunAsync(id, token));
        return due.Count;
    }

    public async Task<SourceRun?> RunByNameAsync(string name, CancellationToken ct)
    {
        int? id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            id = await SourceLeases.LeaseByNameAsync(scope.ServiceProvider.GetRequiredService<KazakhDbContext>(), name, options.Value.LeaseTime, ct);
        }

        return id is null ? null : await RunAsync(id.Value, ct);
    }

    private async Task<SourceRun> RunAsync(int sourceId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
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
        // A source can fail; the crawl cannot: whatever one source throws is recorded on it (with its backoff) and the
        // lease released, and the other sources run. Only a stop request or the database going away ends the run; an
        // outage is not the source's fault, so it is neither recorded on it nor counted in its backoff.
        catch (Exception e) when ((e is not OperationCanceledException || !ct.IsCancellationRequested) && !e.IsDatabaseGone())
        {
            LogUnexpected(logger, e, source.Id, source.Name);
            run = new SourceRun { Error = $"{e.GetType().Name}: {e.Message}" };
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


    [LoggerMessage(LogLevel.Warning, "No sources file at {Path}; only sources already in the database will run")]
    private static partial void LogNoSourcesFile(ILogger logger, string path);

    [LoggerMessage(LogLevel.Information, "Synced {SourceCount} sources from {Path}")]
    private static partial void LogSynced(ILogger logger, int sourceCount, string path);

    [LoggerMessage(LogLevel.Error, "Source {SourceId} {SourceName} threw while running")]
    private static partial void LogUnexpected(ILogger logger, Exception e, int sourceId, string sourceName);

    [LoggerMessage(LogLevel.Information, "Source {SourceId} {SourceName}: {New} new, {Updated} updated, {Unchanged} unchanged, {FailedPages} pages failed")]
    private static partial void LogRan(ILogger logger, int sourceId, string sourceName, int @new, int updated, int unchanged, int failedPages);

    [LoggerMessage(LogLevel.Error, "Source {SourceId} {SourceName} failed ({ConsecutiveErrors} in a row): {Error}")]
    private static partial void LogFailed(ILogger logger, int sourceId, string sourceName, int consecutiveErrors, string error);
}

public static class CrawlExtensions
{
    /// <summary>Everything needed to run sources: fetching, archives, ingest, and the crawler (not the background service).</summary>
    public static IHostApplicationBuilder AddCrawling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScraperOptions>()
            .Bind(builder.Configuration.GetSection(ScraperOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.MinInterval > TimeSpan.Zero && o.MinInterval <= o.DefaultInterval && o.DefaultInterval <= o.MaxInterval,
                "Scraper: need 0 < MinInterval <= DefaultInterval <= MaxInterval")
            .Validate(o => o.DatabaseRetryFirst > TimeSpan.Zero && o.DatabaseRetryFirst <= o.DatabaseRetryMax && o.DatabaseRetryFirst <= o.DatabaseRetryBudget,
                "Scraper: need 0 < DatabaseRetryFirst <= DatabaseRetryMax and DatabaseRetryFirst <= DatabaseRetryBudget")
            .ValidateOnStart();
        builder.AddArchiveClients();
        builder.AddPipeline();
        builder.Services.AddSingleton<ArticlePages>();
        builder.Services.AddSingleton<SourceKinds>();
        builder.Services.AddSingleton<Crawler>();
        return builder;
    }
}
