using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Pipeline;
using KazakhUnrest.Scraper.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>The long-running loop: lease the sources that are due, run them side by side, sleep until the next is due.</summary>
public sealed partial class ScraperService(Crawler crawler, ArticlePipeline pipeline, IServiceScopeFactory scopes, IOptions<ScraperOptions> options, ILogger<ScraperService> logger, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await crawler.SyncSourcesAsync(stoppingToken);
        LogStarted(logger, SourceLeases.Worker);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Articles stored by any process (a crawl, an import, an editor's re-filing) go through the rest of the pipeline here.
            await pipeline.CatchUpAsync(stoppingToken);
            var ran = await crawler.RunDueAsync(stoppingToken);
            if (ran > 0)
            {
                continue;
            }

            await Task.Delay(await SleepAsync(stoppingToken), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<TimeSpan> SleepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var next = await SourceLeases.NextDueAsync(scope.ServiceProvider.GetRequiredService<KazakhDbContext>(), ct);
        var idle = options.Value.IdlePoll;
        if (next is null)
        {
            return idle;
        }

        var wait = next.Value - time.GetUtcNow();
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > idle ? idle : wait;
    }

    [LoggerMessage(LogLevel.Information, "Scraper service started as {Worker}")]
    private static partial void LogStarted(ILogger logger, string worker);
}

/// <summary>Shared by the service and the crawl and backfill commands.</summary>
public sealed partial class Crawler(IServiceScopeFactory scopes, IOptions<ScraperOptions> options, ILogger<Crawler> logger)
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
        var count = await SourcesFile.SyncAsync(scope.ServiceProvider.GetRequiredService<KazakhDbContext>(), path, ct);
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
        return await scope.ServiceProvider.GetRequiredService<SourceRunner>().RunAsync(sourceId, ct);
    }

    [LoggerMessage(LogLevel.Warning, "No sources file at {Path}; only sources already in the database will run")]
    private static partial void LogNoSourcesFile(ILogger logger, string path);

    [LoggerMessage(LogLevel.Information, "Synced {SourceCount} sources from {Path}")]
    private static partial void LogSynced(ILogger logger, int sourceCount, string path);
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
            .ValidateOnStart();
        builder.AddArchiveClients();
        builder.AddPipeline();
        builder.Services.AddSingleton<ArticlePages>();
        builder.Services.AddSingleton<SourceKinds>();
        builder.Services.AddScoped<SourceRunner>();
        builder.Services.AddSingleton<Crawler>();
        return builder;
    }
}
