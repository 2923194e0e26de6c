using System.Collections.Concurrent;
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
        var times = await RequestTimesAsync("User-agent: *\nCrawl-delay: 0.6\n", _ => { });

        AssertSpacedBy(times, TimeSpan.FromMilliseconds(550));
    }

    [Fact]
    public async Task A_configured_host_delay_spaces_requests_to_that_host()
    {
        var times = await RequestTimesAsync("", o => o.HostDelays["127.0.0.1"] = TimeSpan.FromMilliseconds(600));

        AssertSpacedBy(times, TimeSpan.FromMilliseconds(550));
    }

    private static async Task<DateTimeOffset[]> RequestTimesAsync(string robots, Action<FetchOptions> configure)
    {
        var seen = new ConcurrentQueue<DateTimeOffset>();
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text(robots));
            app.MapGet("/page/{n}", () =>
            {
                seen.Enqueue(DateTimeOffset.UtcNow);
                return Results.Text("page");
            });
        });
        using var fetcher = Fetchers.Create(configure);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(FetchOutcome.Ok, (await fetcher.FetchAsync(server.Url($"/page/{i}"), null, CancellationToken.None)).Outcome);
        }

        return seen.ToArray();
    }

    private static void AssertSpacedBy(DateTimeOffset[] times, TimeSpan gap) =>
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= gap,
            $"requests {(pair.Second - pair.First).TotalMilliseconds} ms apart"));

    [Fact]
    public async Task Requests_to_one_host_never_overlap_but_different_hosts_run_in_parallel()
    {
        var spans = new ConcurrentBag<(string Host, DateTimeOffset Start, DateTimeOffset End)>();
        void Routes(WebApplication app) => app.MapGet("/slow/{n}", async (HttpContext ctx) =>
        {
            var start = DateTimeOffset.UtcNow;
            await Task.Delay(400);
            spans.Add((ctx.Request.Host.Host, start, DateTimeOffset.UtcNow));
            return Results.Text("done");
        });
        await using var first = await LocalWebServer.StartAsync(Routes);
        await using var second = await LocalWebServer.StartAsync(IPAddress.Parse("127.0.0.2"), Routes);
        using var fetcher = Fetchers.Create(o => o.PerHostDelay = TimeSpan.FromMilliseconds(100));

        var results = await Task.WhenAll(
            fetcher.FetchAsync(first.Url("/slow/1"), null, CancellationToken.None),
            fetcher.FetchAsync(first.Url("/slow/2"), null, CancellationToken.None),
            fetcher.FetchAsync(second.Url("/slow/3"), null, CancellationToken.None));

        Assert.All(results, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        var sameHost = spans.Where(s => s.Host == "127.0.0.1").OrderBy(s => s.Start).ToArray();
        Assert.Equal(2, sameHost.Length);
        Assert.True(sameHost[1].Start >= sameHost[0].End.AddMilliseconds(90), "the second request to one host started before the first ended + delay");
        var other = spans.Single(s => s.Host == "127.0.0.2");
        Assert.True(other.Start < sameHost[0].End, "a different host waited for the first one");
    }
}
