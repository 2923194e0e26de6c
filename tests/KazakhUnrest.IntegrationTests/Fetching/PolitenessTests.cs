using System.Net;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KazakhUnrest.IntegrationTests.Fetching;

public sealed class PolitenessTests
{
    [Fact]
    public async Task Robots_disallow_is_honoured_and_the_file_fetched_once()
    {
        var robotsRequests = 0;
        string? userAgent = null;
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", (HttpContext ctx) =>
            {
                Interlocked.Increment(ref robotsRequests);
                userAgent = ctx.Request.Headers.UserAgent;
                return Results.Text("User-agent: *\nDisallow: /\n\nUser-agent: KazakhUnrestBot\nDisallow: /private\nAllow: /private/press$\n");
            });
            app.MapGet("/{**path}", () => Results.Text("page"));
        });
        using var fetcher = Fetchers.Create();

        var blocked = await fetcher.FetchAsync(server.Url("/private/notes"), null, CancellationToken.None);
        var open = await fetcher.FetchAsync(server.Url("/news/1"), null, CancellationToken.None);
        var allowed = await fetcher.FetchAsync(server.Url("/private/press"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.DisallowedByRobots, blocked.Outcome);
        Assert.Contains("disallows /private/notes", blocked.Error);
        Assert.Equal(FetchOutcome.Ok, open.Outcome);
        Assert.Equal(FetchOutcome.Ok, allowed.Outcome);
        Assert.Equal(1, robotsRequests);
        Assert.StartsWith("KazakhUnrestBot/1.0", userAgent);
    }

    [Fact]
    public async Task A_failing_robots_txt_means_stay_away_for_now()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.StatusCode(500));
            app.MapGet("/page", () => Results.Text("page"));
        });
        using var fetcher = Fetchers.Create();

        var result = await fetcher.FetchAsync(server.Url("/page"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.DisallowedByRobots, result.Outcome);
        Assert.Contains("unavailable (HTTP 500", result.Error);
    }

    [Fact]
    public async Task Crawl_delay_spaces_requests_to_the_host()
    {
        await AssertEachRequestWaitsAsync("User-agent: *\nCrawl-delay: 0.6\n", _ => { }, TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public async Task A_configured_host_delay_spaces_requests_to_that_host()
    {
        await AssertEachRequestWaitsAsync("", o => o.HostDelays["127.0.0.1"] = TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public async Task A_crawl_delay_over_the_cap_waits_only_the_cap()
    {
        await AssertEachRequestWaitsAsync("User-agent: *\nCrawl-delay: 3600\n", o => o.MaxCrawlDelay = TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Fetches three pages one after another on a clock that stands still: each page (after the robots.txt request)
    /// must wait for exactly <paramref name="delay"/> and reach the server only once the clock has been moved on by it.
    /// </summary>
    private static async Task AssertEachRequestWaitsAsync(string robots, Action<FetchOptions> configure, TimeSpan delay)
    {
        var pages = 0;
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text(robots));
            app.MapGet("/page/{n}", () =>
            {
                Interlocked.Increment(ref pages);
                return Results.Text("page");
            });
        });
        var clock = new TestClock();
        using var fetcher = Fetchers.Create(configure, clock);

        var fetching = Task.Run(async () =>
        {
            var results = new List<FetchResult>();
            for (var i = 0; i < 3; i++)
            {
                results.Add(await fetcher.FetchAsync(server.Url($"/page/{i}"), null, CancellationToken.None));
            }

            return results;
        });

        for (var i = 0; i < 3; i++)
        {
            await clock.WaitForTimerAsync(delay);
            // Waiting on a clock that does not move: the page cannot have been requested yet.
            Assert.Equal(i, Volatile.Read(ref pages));
            clock.Advance(delay);
        }

        var fetched = await fetching.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, fetched.Count);
        Assert.All(fetched, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Requests_to_one_host_never_overlap_but_different_hosts_run_in_parallel()
    {
        var delay = TimeSpan.FromSeconds(2);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondHostReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstHostReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstHostRequests = 0;
        var inFlight = 0;
        var mostInFlight = 0;
        await using var first = await LocalWebServer.StartAsync(app => app.MapGet("/slow/{n}", async () =>
        {
            Interlocked.Increment(ref firstHostRequests);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            firstHostReached.TrySetResult();
            // The first request to this host is held until the other host has been reached.
            await release.Task;
            Interlocked.Decrement(ref inFlight);
            return Results.Text("done");
        }));
        await using var second = await LocalWebServer.StartAsync(IPAddress.Parse("127.0.0.2"), app => app.MapGet("/slow/{n}", () =>
        {
            secondHostReached.TrySetResult();
            return Results.Text("done");
        }));
        var clock = new TestClock();
        using var fetcher = Fetchers.Create(o =>
        {
            o.PerHostDelay = delay;
            o.RespectRobots = false;
        }, clock);

        var fetches = new[]
        {
            fetcher.FetchAsync(first.Url("/slow/1"), null, CancellationToken.None),
            fetcher.FetchAsync(first.Url("/slow/2"), null, CancellationToken.None),
            fetcher.FetchAsync(second.Url("/slow/3"), null, CancellationToken.None),
        };

        // While one request to the first host is held open, the other host is served.
        await firstHostReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await secondHostReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, Volatile.Read(ref firstHostRequests));
        release.SetResult();
        // The held request ended; the next one to that host waits the delay on the clock, and only then is sent.
        await clock.WaitForTimerAsync(delay);
        Assert.Equal(1, Volatile.Read(ref firstHostRequests));
        clock.Advance(delay);

        var results = await Task.WhenAll(fetches).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(results, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(2, firstHostRequests);
        Assert.Equal(1, mostInFlight);
    }

    [Fact]
    public async Task Robots_txt_is_fetched_again_once_its_cache_time_has_passed()
    {
        var robotsRequests = 0;
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () =>
            {
                Interlocked.Increment(ref robotsRequests);
                return Results.Text("User-agent: *\nDisallow: /private\n");
            });
            app.MapGet("/{**path}", () => Results.Text("page"));
        });
        var clock = new TestClock();
        using var fetcher = Fetchers.Create(o => o.RobotsCacheTime = TimeSpan.FromHours(1), clock);

        await fetcher.FetchAsync(server.Url("/a"), null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(59));
        await fetcher.FetchAsync(server.Url("/b"), null, CancellationToken.None);
        Assert.Equal(1, robotsRequests);

        clock.Advance(TimeSpan.FromMinutes(1));
        var again = await fetcher.FetchAsync(server.Url("/c"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, again.Outcome);
        Assert.Equal(2, robotsRequests);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
