using KazakhUnrest.Core.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// Hears <see cref="PageChanges"/> on a connection of its own and empties this instance's cached pages, so a reader
/// on any instance sees an editor's change (or the scraper's new stories) within moments. A dropped connection is
/// opened again, waiting longer after each failure; notices sent meanwhile are lost, so every (re)connection also
/// empties the cache once. With the page cache off there is nothing to empty and no connection is held.
/// </summary>
public sealed partial class PageCacheListener(
    IConfiguration configuration, PageCacheStore store, IOptions<SiteOptions> site, ILogger<PageCacheListener> logger) : BackgroundService
{
    /// <summary>What the connection is called in pg_stat_activity (and how the tests find it to cut it).</summary>
    public const string ApplicationName = "kazakhunrest-page-cache";

    /// <summary>A restarted server or a failover is usually back within a second or two: try again soon.</summary>
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Through a long outage, no more than one attempt (and one log line) per half minute; the pages expire on their own
    /// meanwhile (<see cref="SiteOptions.PageCacheSeconds"/>, 30 s by default), so trying more often gains nothing.
    /// </summary>
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An idle listening connection dropped without a reset (a NAT timeout, a failover) is noticed after this many seconds
    /// of silence instead of the operating system's two hours, then opened again.
    /// </summary>
    private const int KeepAliveSeconds = 10;

    private NpgsqlConnection? _listening;

    /// <summary>Listens before the server takes requests, so an instance that serves a cached page also hears it go stale.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (site.Value.PageCacheSeconds == 0)
        {
            return;
        }

        try
        {
            _listening = await ListenAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            LogCannotListen(logger, DatabaseOutage.Reason(e), FirstRetry);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = _listening;
        var retry = FirstRetry;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    connection ??= await ListenAsync(stoppingToken);
                    retry = FirstRetry;
                    while (true)
                    {
                        // Returns when a notice came in; several at once need one eviction.
                        await connection.WaitAsync(stoppingToken);
                        await store.EvictLocallyAsync(stoppingToken);
                    }
                }
                catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException && !stoppingToken.IsCancellationRequested)
                {
                    LogCannotListen(logger, DatabaseOutage.Reason(e), retry);
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }

                    await Task.Delay(retry, stoppingToken);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The site is stopping.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName))
        {
            // Held for the life of the instance: not one of the pool's, which serve queries.
            Pooling = false,
            KeepAlive = KeepAliveSeconds,
            ApplicationName = ApplicationName,
        };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using (var listen = new NpgsqlCommand($"LISTEN {PageChanges.Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(ct);
            }

            // Whatever changed while no one listened went unheard.
            await store.EvictLocallyAsync(ct);
            LogListening(logger, PageChanges.Channel);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(LogLevel.Information, "Listening on {Channel} for changes that make cached pages stale")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(LogLevel.Warning, "Not hearing page changes ({Reason}); trying again in {Retry}, cached pages expire meanwhile")]
    private static partial void LogCannotListen(ILogger logger, string reason, TimeSpan retry);
}
