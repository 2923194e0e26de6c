using System.Diagnostics;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KazakhUnrest.IntegrationTests.Fetching;

public sealed class FetchSafetyTests
{
    [Fact]
    public async Task A_server_slower_than_the_total_timeout_times_out()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/slow", async (HttpContext ctx) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted);
            return Results.Text("late");
        }));
        using var fetcher = Fetchers.Create(o => o.TotalTimeout = TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        var result = await fetcher.FetchAsync(server.Url("/slow"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Timeout, result.Outcome);
        Assert.Contains("timed out", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_body_trickling_slower_than_the_total_timeout_times_out()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/trickle", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "text/html";
            for (var i = 0; i < 100 && !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await ctx.Response.Body.WriteAsync("x"u8.ToArray());
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(100);
            }
        }));
        using var fetcher = Fetchers.Create(o => o.TotalTimeout = TimeSpan.FromMilliseconds(700));

        var result = await fetcher.FetchAsync(server.Url("/trickle"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Timeout, result.Outcome);
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task A_body_announced_over_the_cap_is_refused_before_reading()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/huge", async (HttpContext ctx) =>
        {
            ctx.Response.ContentLength = 10_000_000;
            await ctx.Response.Body.WriteAsync(new byte[1000]);
        }));
        using var fetcher = Fetchers.Create(o => o.MaxBodyBytes = 1_000_000);

        var result = await fetcher.FetchAsync(server.Url("/huge"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Contains("announces 10,000,000 bytes", result.Error);
    }

    [Fact]
    public async Task An_endless_trickling_body_is_cut_off_at_the_cap()
    {
        var aborted = new TaskCompletionSource();
        long written = 0;
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/endless", async (HttpContext ctx) =>
        {
            ctx.RequestAborted.Register(() => aborted.TrySetResult());
            ctx.Response.ContentType = "text/html";
            var chunk = new byte[1024];
            Array.Fill(chunk, (byte)'a');
            try
            {
                while (!ctx.RequestAborted.IsCancellationRequested)
                {
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    Interlocked.Add(ref written, chunk.Length);
                    await Task.Delay(1, ctx.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }));
        using var fetcher = Fetchers.Create(o => o.MaxBodyBytes = 64 * 1024);

        var result = await fetcher.FetchAsync(server.Url("/endless"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Contains("65,536-byte limit", result.Error);
        Assert.Empty(result.Body);
        // The client hung up instead of reading on: the server stops writing, so nothing grows without bound.
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var afterAbort = Interlocked.Read(ref written);
        await Task.Delay(200);
        Assert.Equal(afterAbort, Interlocked.Read(ref written));
    }

    [Fact]
    public async Task A_redirect_loop_is_detected()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.Redirect("/b"));
            app.MapGet("/b", () => Results.Redirect("/a#again"));
        });
        using var fetcher = Fetchers.Create();

        var result = await fetcher.FetchAsync(server.Url("/a"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.RedirectLoop, result.Outcome);
        Assert.Contains("redirect loop", result.Error);
    }

    [Theory]
    [InlineData(5, FetchOutcome.Ok)]
    [InlineData(6, FetchOutcome.TooManyRedirects)]
    public async Task At_most_five_redirects_are_followed(int redirects, FetchOutcome expected)
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/hop/{n:int}", (int n) =>
            n < redirects ? Results.Redirect($"/hop/{n + 1}", permanent: n % 2 == 0) : Results.Text("arrived")));
        using var fetcher = Fetchers.Create();

        var result = await fetcher.FetchAsync(server.Url("/hop/0"), null, CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        if (expected == FetchOutcome.Ok)
        {
            Assert.Equal(server.Url($"/hop/{redirects}"), result.FinalUrl);
            Assert.Equal("arrived", result.DecodeText());
        }
        else
        {
            Assert.Contains("more than 5 redirects", result.Error);
        }
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "cloud metadata")]
    [InlineData("http://10.1.2.3/", "a private address")]
    [InlineData("http://[fd00:ec2::254]/", "cloud metadata")]
    public async Task A_redirect_to_a_private_address_is_refused(string target, string reason)
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/go", () => Results.Redirect(target)));
        using var fetcher = Fetchers.Create(o => o.ConnectTimeout = TimeSpan.FromSeconds(2));

        var result = await fetcher.FetchAsync(server.Url("/go"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Refused, result.Outcome);
        Assert.Contains(reason, result.Error);
        Assert.Equal(new Uri(target), result.FinalUrl);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Loopback_is_refused_after_resolution_unless_allow_listed(string host)
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/", () => Results.Text("secret")));
        using var fetcher = Fetchers.Create(o => o.AllowedPrivateNetworks = []);
        var url = new UriBuilder(server.BaseAddress) { Host = host }.Uri;

        var result = await fetcher.FetchAsync(url, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Refused, result.Outcome);
        Assert.Contains("a loopback address", result.Error);
        Assert.Contains("Fetch:AllowedPrivateNetworks", result.Error);
    }

    [Fact]
    public async Task A_closed_port_is_a_network_error()
    {
        Uri url;
        await using (var server = await LocalWebServer.StartAsync(_ => { }))
        {
            url = server.Url("/gone-away");
        }

        using var fetcher = Fetchers.Create();

        var result = await fetcher.FetchAsync(url, null, CancellationToken.None);

        Assert.Equal(FetchOutcome.NetworkError, result.Outcome);
        Assert.Contains("ConnectionRefused", result.Error);
        Assert.Equal(url, result.FinalUrl);
    }

    [Fact]
    public async Task Other_schemes_are_refused()
    {
        using var fetcher = Fetchers.Create();

        var result = await fetcher.FetchAsync(new Uri("file:///etc/passwd"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.Refused, result.Outcome);
    }

    [Fact]
    public void Address_policy_covers_the_special_ranges()
    {
        var policy = new AddressPolicy(["127.0.0.1", "10.9.0.0/16"]);

        Assert.Null(policy.RefusalReason(System.Net.IPAddress.Parse("127.0.0.1")));
        Assert.Null(policy.RefusalReason(System.Net.IPAddress.Parse("10.9.3.4")));
        Assert.Null(policy.RefusalReason(System.Net.IPAddress.Parse("93.184.216.34")));
        Assert.Null(policy.RefusalReason(System.Net.IPAddress.Parse("2a00:1450:4001::1")));
        foreach (var refused in new[] { "127.0.0.2", "10.1.1.1", "172.20.0.1", "192.168.1.1", "100.64.0.1", "169.254.1.1", "0.0.0.0",
                     "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:192.168.0.1" })
        {
            Assert.NotNull(policy.RefusalReason(System.Net.IPAddress.Parse(refused)));
        }
    }
}
