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
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/slow", async (HttpContext ctx) =>
        {
            reached.TrySetResult();
            // Never answers; only the client giving up ends this.
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            return Results.Text("late");
        }));
        var clock = new TestClock();
        using var fetcher = Fetchers.Create(o => o.TotalTimeout = TimeSpan.FromSeconds(30), clock);

        var fetching = fetcher.FetchAsync(server.Url("/slow"), null, CancellationToken.None);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(fetching.IsCompleted, "the fetch ended while the server was still thinking and the clock stood still");
        clock.Advance(TimeSpan.FromSeconds(30));
        var result = await fetching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FetchOutcome.Timeout, result.Outcome);
        Assert.Contains("timed out", result.Error);
        Assert.Contains("total timeout 30 s", result.Error);
    }

    [Fact]
    public async Task A_body_trickling_slower_than_the_total_timeout_times_out()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/trickle", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "text/html";
            await ctx.Response.Body.WriteAsync("<html>"u8.ToArray());
            await ctx.Response.Body.FlushAsync();
            started.TrySetResult();
            // The rest of the body never comes.
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }));
        var clock = new TestClock();
        using var fetcher = Fetchers.Create(o => o.TotalTimeout = TimeSpan.FromSeconds(30), clock);

        var fetching = fetcher.FetchAsync(server.Url("/trickle"), null, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(30));
        var result = await fetching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FetchOutcome.Timeout, result.Outcome);
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_answers_is_a_timeout_not_a_hang()
    {
        // A listening socket that never accepts at the HTTP level: the connection is made, no response ever comes.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var clock = new TestClock();
        using var fetcher = Fetchers.Create(o => o.TotalTimeout = TimeSpan.FromSeconds(45), clock);

        var fetching = fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/silent"), null, CancellationToken.None);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(45));
        var result = await fetching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FetchOutcome.Timeout, result.Outcome);
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
        var stoppedWriting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
                }
            }
            catch (OperationCanceledException)
            {
            }

            stoppedWriting.TrySetResult();
        }));
        using var fetcher = Fetchers.Create(o => o.MaxBodyBytes = 64 * 1024);

        var result = await fetcher.FetchAsync(server.Url("/endless"), null, CancellationToken.None);

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Contains("65,536-byte limit", result.Error);
        Assert.Empty(result.Body);
        // The client hung up instead of reading on: the server stops writing, so nothing grows without bound.
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stoppedWriting.Task.WaitAsync(TimeSpan.FromSeconds(30));
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
}
