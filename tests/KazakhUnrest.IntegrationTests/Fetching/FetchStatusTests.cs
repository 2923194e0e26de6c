using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KazakhUnrest.IntegrationTests.Fetching;

public sealed class FetchStatusTests
{
    [Fact]
    public async Task A_conditional_get_answered_304_is_not_modified()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/feed", (HttpContext ctx) =>
        {
            if (ctx.Request.Headers.IfNoneMatch == "\"v1\"" && ctx.Request.Headers.IfModifiedSince == "Wed, 05 Jan 2022 10:00:00 GMT")
            {
                return Results.StatusCode(304);
            }

            ctx.Response.Headers.ETag = "\"v1\"";
            ctx.Response.Headers.LastModified = "Wed, 05 Jan 2022 10:00:00 GMT";
            ctx.Response.Headers.CacheControl = "max-age=600";
            return Results.Text("<rss/>", "application/rss+xml");
        }));
        using var fetcher = Fetchers.Create(time: new TestClock());

        var first = await fetcher.FetchAsync(server.Url("/feed"), null, CancellationToken.None);
        var second = await fetcher.FetchAsync(server.Url("/feed"), new FetchConditions(first.ETag, first.LastModified), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, first.Outcome);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal("Wed, 05 Jan 2022 10:00:00 GMT", first.LastModified);
        Assert.Equal("application/rss+xml", first.ContentType);
        Assert.Equal(TestClock.Origin.AddMinutes(10), first.SuggestedNextCheck);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal(304, second.StatusCode);
        Assert.Empty(second.Body);
        Assert.True(second.IsSuccess);
    }

    [Theory]
    [InlineData(404, FetchOutcome.NotFound)]
    [InlineData(410, FetchOutcome.Gone)]
    [InlineData(500, FetchOutcome.HttpError)]
    [InlineData(403, FetchOutcome.HttpError)]
    public async Task Error_statuses_fail_with_a_clear_error(int status, FetchOutcome expected)
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/page", () => Results.Text("nope", statusCode: status)));
        using var fetcher = Fetchers.Create();

        var result = await fetcher.FetchAsync(server.Url("/page"), null, CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Empty(result.Body);
        Assert.StartsWith($"HTTP {status} ", result.Error);
        Assert.Contains(server.Url("/page").ToString(), result.Error);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_in_seconds()
    {
        var result = await FetchWithRetryAfterAsync(429, "120");

        Assert.Equal(FetchOutcome.RetryLater, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Contains("retry after 120 s", result.Error);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_as_an_http_date()
    {
        var result = await FetchWithRetryAfterAsync(429, TestClock.Origin.AddMinutes(10).ToString("R"));

        Assert.Equal(FetchOutcome.RetryLater, result.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(10), result.RetryAfter);
    }

    [Fact]
    public async Task Service_unavailable_with_retry_after()
    {
        var result = await FetchWithRetryAfterAsync(503, "30");

        Assert.Equal(FetchOutcome.RetryLater, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    private static async Task<FetchResult> FetchWithRetryAfterAsync(int status, string retryAfter)
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/busy", (HttpContext ctx) =>
        {
            ctx.Response.Headers.RetryAfter = retryAfter;
            return Results.StatusCode(status);
        }));
        using var fetcher = Fetchers.Create(time: new TestClock());
        return await fetcher.FetchAsync(server.Url("/busy"), null, CancellationToken.None);
    }
}
