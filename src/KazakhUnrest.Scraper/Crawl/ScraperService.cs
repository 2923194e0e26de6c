using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>
/// The long-running loop: lease the sources that are due, run them side by side, sleep until the next is due. When the
/// database goes away it waits and tries again, longer each time (<see cref="ScraperOptions.DatabaseRetryFirst"/> doubling
/// up to <see cref="ScraperOptions.DatabaseRetryMax"/>), and gives up with a <see cref="DatabaseGoneException"/> once the
/// outage has lasted <see cref="ScraperOptions.DatabaseRetryBudget"/>.
/// </summary>
public sealed partial class ScraperService(Crawler crawler, ArticlePipeline pipeline, IServiceScopeFactory scopes, IOptions<ScraperOptions> options,
    IConfiguration configuration, ILogger<ScraperService> logger, TimeProvider time)
    : BackgroundService
{
    private readonly string _database = DatabaseOutage.Target(configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var synced = false;
        DateTimeOffset? goneSince = null;
        var tries = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!synced)
                {
                    await crawler.SyncSourcesAsync(stoppingToken);
                    LogStarted(logger, SourceLeases.Worker);
                    synced = true;
                }

                // Articles stored by any process (a crawl, an import, an editor's re-filing) go through the rest of the pipeline here.
                await pipeline.CatchUpAsync(stoppingToken);
                if (goneSince is { } since)
                {
                    LogDatabaseBack(logger, _database, time.GetUtcNow() - since, tries);
                    goneSince = null;
                    tries = 0;
                }

                var ran = await crawler.RunDueAsync(stoppingToken);
                if (ran > 0)
                {
                    continue;
                }

                await Task.Delay(await SleepAsync(stoppingToken), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e) when (e.IsDatabaseGone() && !stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                goneSince ??= now;
                var down = now - goneSince.Value;
                var o = options.Value;
                if (down >= o.DatabaseRetryBudget)
                {
                    LogGivingUp(logger, _database, down, tries, DatabaseOutage.Reason(e));
                    throw new DatabaseGoneException(
                        $"The service tried again {tries} times over {down:c} (Scraper:DatabaseRetryBudget {o.DatabaseRetryBudget:c}) and stopped; " +
                        "sources that were running stay leased until their lease ends.", e);
                }

                tries++;
                var wait = Backoff(o, tries);
                LogDatabaseGone(logger, _database, DatabaseOutage.Reason(e), tries, wait, down);
                await Task.Delay(wait, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The wait before try <paramref name="attempt"/> (1-based): the first wait doubled each time, at most the longest.</summary>
    public static TimeSpan Backoff(ScraperOptions options, int attempt)
    {
        var doubled = options.DatabaseRetryFirst * Math.Pow(2, Math.Min(attempt - 1, 30));
        return doubled > options.DatabaseRetryMax ? options.DatabaseRetryMax : doubled;
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

    [LoggerMessage(LogLevel.Warning, "Database {Database} unreachable ({Reason}); try {Attempt} in {Wait} (down for {Down})")]
    private static partial void LogDatabaseGone(ILogger logger, string database, string reason, int attempt, TimeSpan wait, TimeSpan down);

    [LoggerMessage(LogLevel.Information, "Database {Database} is back after {Down} and {Attempt} tries; the service carries on")]
    private static partial void LogDatabaseBack(ILogger logger, string database, TimeSpan down, int attempt);

    [LoggerMessage(LogLevel.Critical, "Database {Database} still unreachable after {Down} and {Attempt} tries ({Reason}); the service stops")]
    private static partial void LogGivingUp(ILogger logger, string database, TimeSpan down, int attempt, string reason);
}
