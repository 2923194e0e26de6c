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
