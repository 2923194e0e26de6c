using System.Collections.Concurrent;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Crawl;
using KazakhUnrest.Scraper.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>
/// PostgreSQL going away under the scraper: each test kills a cluster of its own (<see cref="StoppableCluster"/>) with
/// <c>pg_ctl stop -m immediate</c>, as a crash would.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly DateTimeOffset Jan5 = new(2022, 1, 5, 8, 0, 0, TimeSpan.FromHours(6));

    [Fact]
    public async Task An_import_cut_off_by_the_database_says_so_and_a_second_run_stores_every_page_exactly_once()
    {
        const int pages = 300;
        await using var cluster = await StoppableCluster.StartAsync();
        var folder = Directory.CreateTempSubdirectory("ku-outage-");
        try
        {
            for (var i = 0; i < pages; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"report-{i:000}.html"),
                    TestPages.Article($"Report {i} from Almaty", Jan5.AddMinutes(i), TestPages.Paragraphs($"protest number {i}")));
            }

            using (var import = ScraperProcess.Start(cluster.ConnectionString, ["import", folder.FullName]))
            {
                // Cut the database off once some pages are in and most are not.
                await UntilAsync(async () => await cluster.CountAsync("SELECT count(*) FROM captures") >= 20);
                await cluster.KillAsync();

                Assert.Equal(ExitCodes.DatabaseGone, await import.WaitForExitAsync());
                var stderr = import.Stderr;
                Assert.Contains($"error: the database at 127.0.0.1:{cluster.Port}/kazakhunrest went away or cannot be reached", stderr);
                Assert.Matches($@"The first \d+ of {pages} files were imported before it went away\.", stderr);
                Assert.Contains("Run the same command again when the database is back; re-running is idempotent.", stderr);
                Assert.DoesNotContain("Unhandled exception", stderr);
                Assert.DoesNotContain("   at ", stderr);
            }

            await cluster.RestartAsync();
            var kept = await cluster.CountAsync("SELECT count(*) FROM captures");
            Assert.InRange(kept, 20, pages - 1);
            // Nothing half-written: every capture kept has its article, every article its capture.
            Assert.Equal(kept, await cluster.CountAsync("SELECT count(*) FROM articles"));
            Assert.Equal(0, await cluster.CountAsync("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM captures c WHERE c.id = a.capture_id)"));

            using (var again = ScraperProcess.Start(cluster.ConnectionString, ["import", folder.FullName]))
            {
                Assert.Equal(ExitCodes.Ok, await again.WaitForExitAsync());
            }

            Assert.Equal(pages, await cluster.CountAsync("SELECT count(*) FROM articles"));
            Assert.Equal(pages, await cluster.CountAsync("SELECT count(DISTINCT canonical_url) FROM articles"));
            Assert.Equal(pages, await cluster.CountAsync("SELECT count(*) FROM captures"));
            Assert.Equal(0, await cluster.CountAsync("SELECT count(*) FROM article_revisions"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_crawl_cut_off_by_the_database_stops_and_blames_none_of_its_sources()
    {
        await using var cluster = await StoppableCluster.StartAsync();
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext http) =>
            {
                var root = $"http://{http.Request.Host}";
                return Results.Text(TestPages.Rss(
                    ($"{root}/news/first", "First", Jan5),
                    ($"{root}/news/second", "Second", Jan5.AddHours(1)),
                    ($"{root}/news/third", "Third", Jan5.AddHours(2))), "application/rss+xml");
            });
            app.MapGet("/news/{slug}", async (string slug) =>
            {
                // The database dies while the crawler is fetching the second page; it has nothing to store it in.
                if (slug == "second")
                {
                    await cluster.KillAsync();
                }

                return Results.Text(TestPages.Article($"Report on {slug}", Jan5, TestPages.Paragraphs(slug)), "text/html; charset=utf-8");
            });
        });
        await using (var db = Core.Database.DatabaseExtensions.CreateContext(cluster.ConnectionString))
        {
            db.Sources.Add(new Source { Name = "outage", Kind = SourceKind.Feed, Location = server.Url("feed.xml").AbsoluteUri, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using (var host = CrawlHost.Create(cluster.ConnectionString, server))
        {
            var gone = await Assert.ThrowsAsync<DatabaseGoneException>(() => CrawlCommand.RunAsync(host.Services, null, CancellationToken.None));
            Assert.Contains("not counted as failing", gone.Progress);
        }

        await cluster.RestartAsync();
        Assert.Equal(0, await cluster.CountAsync("SELECT consecutive_errors FROM sources WHERE name = 'outage'"));
        Assert.Equal(0, await cluster.CountAsync("SELECT count(*) FROM sources WHERE last_error IS NOT NULL OR last_run_at IS NOT NULL"));
        // Its lease runs out by itself (Scraper:LeaseTime); the database was gone when it could have been released.
        Assert.Equal(1, await cluster.CountAsync("SELECT count(*) FROM sources WHERE leased_until > now()"));
        Assert.Equal(1, await cluster.CountAsync("SELECT count(*) FROM articles"));
    }

    [Fact]
    public async Task The_service_waits_longer_after_each_failed_try_and_gives_up_after_its_budget()
    {
        // Nothing listens on this port: every connection is refused, as when the server is down.
        var nowhere = $"Host=127.0.0.1;Port={LocalPostgres.FreeLoopbackPort()};Database=kazakhunrest;Username=postgres;Password=unused";
        var clock = new TestClock();
        using var host = CrawlHost.Create(nowhere, null, clock,
            "Scraper:DatabaseRetryFirst=00:00:02", "Scraper:DatabaseRetryMax=00:00:05", "Scraper:DatabaseRetryBudget=00:00:20");
        var logger = new CapturingLogger();
        var service = ActivatorUtilities.CreateInstance<ScraperService>(host.Services, (ILogger<ScraperService>)logger);
        await service.StartAsync(CancellationToken.None);

        // Tries at 0, 2, 6, 11 and 16 s of outage; at 21 s it is past the 20 s budget.
        int[] waits = [2, 4, 5, 5, 5];
        foreach (var wait in waits)
        {
            await clock.WaitForTimerAsync(TimeSpan.FromSeconds(wait));
            clock.Advance(TimeSpan.FromSeconds(wait));
        }

        var gone = await Assert.ThrowsAsync<DatabaseGoneException>(() => service.ExecuteTask!);
        Assert.Contains("tried again 5 times over 00:00:21", gone.Progress);
        var retries = logger.Entries.Where(e => e.Level == LogLevel.Warning && e.Properties.ContainsKey("Wait")).ToList();
        Assert.Equal(waits.Select(s => TimeSpan.FromSeconds(s)), retries.Select(e => (TimeSpan)e.Properties["Wait"]!));
        Assert.Equal([1, 2, 3, 4, 5], retries.Select(e => (int)e.Properties["Attempt"]!));
        Assert.All(retries, e => Assert.Contains("Connection refused", (string)e.Properties["Reason"]!));
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task The_service_rides_out_a_database_restart_within_its_budget()
    {
        await using var cluster = await StoppableCluster.StartAsync();
        using var service = ScraperProcess.Start(cluster.ConnectionString, ["service"],
            ("Scraper__DatabaseRetryFirst", "00:00:00.2"), ("Scraper__DatabaseRetryMax", "00:00:01"),
            ("Scraper__DatabaseRetryBudget", "00:10:00"), ("Scraper__IdlePoll", "00:00:00.2"));
        await service.WaitForLineAsync("Scraper service started");

        await cluster.KillAsync();
        await service.WaitForLineAsync($"Database 127.0.0.1:{cluster.Port}/kazakhunrest unreachable");
        await service.WaitForLineAsync("; try 2 in 00:00:00.4");
        await cluster.RestartAsync();
        await service.WaitForLineAsync("is back after");

        await service.TerminateAsync();
        Assert.Equal(ExitCodes.Ok, await service.WaitForExitAsync());
        Assert.DoesNotContain("   at ", service.Stderr);
    }

    [Fact]
    public async Task The_service_exits_non_zero_with_a_clear_message_when_the_database_stays_gone_past_its_budget()
    {
        await using var cluster = await StoppableCluster.StartAsync();
        using var service = ScraperProcess.Start(cluster.ConnectionString, ["service"],
            ("Scraper__DatabaseRetryFirst", "00:00:00.1"), ("Scraper__DatabaseRetryMax", "00:00:00.2"),
            ("Scraper__DatabaseRetryBudget", "00:00:01"), ("Scraper__IdlePoll", "00:00:00.2"));
        await service.WaitForLineAsync("Scraper service started");

        await cluster.KillAsync();

        Assert.Equal(ExitCodes.DatabaseGone, await service.WaitForExitAsync());
        var stderr = service.Stderr;
        Assert.Contains("still unreachable after", stderr);
        Assert.Contains($"error: the database at 127.0.0.1:{cluster.Port}/kazakhunrest went away or cannot be reached", stderr);
        Assert.Contains("The service tried again", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        // Only a guard against a hung test; no assertion depends on how long anything takes.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
        }
    }

    private sealed record Entry(LogLevel Level, IReadOnlyDictionary<string, object?> Properties);

    private sealed class CapturingLogger : ILogger<ScraperService>
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue(new Entry(logLevel, (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value)));
    }
}
