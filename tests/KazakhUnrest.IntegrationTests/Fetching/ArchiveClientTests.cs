using System.Collections.Concurrent;
using System.Globalization;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Scraper.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.IntegrationTests.Fetching;

public sealed class ArchiveClientTests
{
    private const string GdeltPath = "/api/v2/doc/doc";

    [Fact]
    public async Task Gdelt_is_asked_one_day_at_a_time_and_its_empty_and_text_answers_are_understood()
    {
        var queries = new ConcurrentQueue<IQueryCollection>();
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet(GdeltPath, (HttpContext ctx) =>
        {
            queries.Enqueue(ctx.Request.Query);
            return ctx.Request.Query["startdatetime"].ToString() switch
            {
                "20220104000000" => Results.Text(GdeltJson(("https://tengri.example/almaty", "20220104T213000Z"), ("https://akorda.example/decree", "20220104T230000Z")), "application/json"),
                "20220105000000" => Results.Text("{}", "application/json"),
                _ => Results.Text("Your search contained a phrase that was too short.", "text/html"),
            };
        }));
        using var fetcher = Fetchers.Create();
        var client = new GdeltClient(fetcher.Fetcher, Archives(server));

        var windows = await client.SearchAsync("kazakhstan protest", Day(4), Day(7), CancellationToken.None).ToListAsync();

        Assert.Equal([Day(4), Day(5), Day(6)], windows.Select(w => w.Start));
        Assert.Equal(2, windows[0].Articles.Count);
        var article = windows[0].Articles[0];
        Assert.Equal(new GdeltArticle(new Uri("https://tengri.example/almaty"), null, "Report from tengri.example", Day(4).AddHours(21.5),
            new Uri("https://tengri.example/img.jpg"), "tengri.example", "Russian", "Kazakhstan"), article);
        Assert.Null(windows[1].Error);
        Assert.Empty(windows[1].Articles);
        Assert.Contains("text instead of JSON", windows[2].Error);
        Assert.Contains("too short", windows[2].Error);
        var first = queries.First();
        Assert.Equal("kazakhstan protest", first["query"]);
        Assert.Equal("ArtList", first["mode"]);
        Assert.Equal("json", first["format"]);
        Assert.Equal("250", first["maxrecords"]);
        Assert.Equal("20220104235959", first["enddatetime"]);
        Assert.Equal("DateAsc", first["sort"]);
    }

    [Fact]
    public async Task A_gdelt_window_that_fills_the_cap_is_split()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet(GdeltPath, (HttpContext ctx) =>
        {
            var start = Stamp(ctx.Request.Query["startdatetime"]!);
            var end = Stamp(ctx.Request.Query["enddatetime"]!);
            var count = end - start > TimeSpan.FromHours(12) ? 2 : 1;
            return Results.Text(GdeltJson(Enumerable.Range(0, count).Select(i => ($"https://x.example/{start:HH}/{i}", $"{start:yyyyMMdd'T'HHmmss'Z'}")).ToArray()));
        }));
        using var fetcher = Fetchers.Create();
        var client = new GdeltClient(fetcher.Fetcher, Archives(server, o => o.GdeltMaxRecords = 2));

        var windows = await client.SearchAsync("q", Day(5), Day(6), CancellationToken.None).ToListAsync();

        Assert.Equal([Day(5), Day(5).AddHours(12)], windows.Select(w => w.Start));
        Assert.All(windows, w => Assert.Single(w.Articles));
        Assert.All(windows, w => Assert.False(w.Incomplete));
    }

    [Fact]
    public async Task A_failed_gdelt_fetch_is_reported_on_its_window()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet(GdeltPath, (HttpContext ctx) =>
        {
            ctx.Response.Headers.RetryAfter = "60";
            return Results.StatusCode(429);
        }));
        using var fetcher = Fetchers.Create();
        var client = new GdeltClient(fetcher.Fetcher, Archives(server));

        var window = await client.FetchWindowAsync("q", Day(5), Day(6), CancellationToken.None);

        Assert.Equal(FetchOutcome.RetryLater, window.Fetch.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(60), window.Fetch.RetryAfter);
        Assert.StartsWith("GDELT request failed: HTTP 429", window.Error);
    }

    [Fact]
    public async Task Wayback_snapshots_are_listed_and_fetched_raw()
    {
        IQueryCollection? cdxQuery = null;
        string? rawPath = null;
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/cdx/search/cdx", (HttpContext ctx) =>
            {
                cdxQuery = ctx.Request.Query;
                return Results.Text("""
                    [["urlkey","timestamp","original","mimetype","statuscode","digest","length"],
                    ["kz,example,news)/2022/01/05/almaty","20220105123000","https://news.example.kz/2022/01/05/almaty","text/html","200","AAAABBBBCCCC","5120"],
                    ["kz,example,news)/2022/01/05/almaty","20220107080000","https://news.example.kz/2022/01/05/almaty","text/html","200","DDDDEEEE","5200"]]
                    """, "text/plain");
            });
            app.MapGet("/web/{stamp}/{**original}", (HttpContext ctx, string stamp, string original) =>
            {
                rawPath = ctx.Request.Path;
                return Results.Text("<html><body><p>Archived copy</p></body></html>", "text/html; charset=utf-8");
            });
        });
        using var fetcher = Fetchers.Create();
        var client = new WaybackClient(fetcher.Fetcher, Archives(server));
        var page = new Uri("https://news.example.kz/2022/01/05/almaty");

        var lookup = await client.FindSnapshotsAsync(page, new DateOnly(2022, 1, 1), new DateOnly(2022, 1, 31), 10, CancellationToken.None);
        var snapshot = lookup.Snapshots[0];
        var raw = await client.FetchSnapshotAsync(snapshot, CancellationToken.None);

        Assert.Null(lookup.Error);
        Assert.Equal(2, lookup.Snapshots.Count);
        Assert.Equal(new WaybackSnapshot("kz,example,news)/2022/01/05/almaty", "20220105123000", page, "text/html", 200, "AAAABBBBCCCC", 5120), snapshot);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 12, 30, 0, TimeSpan.Zero), snapshot.CapturedAt);
        Assert.Equal(page.AbsoluteUri, cdxQuery!["url"]);
        Assert.Equal("json", cdxQuery["output"]);
        Assert.Equal("20220101", cdxQuery["from"]);
        Assert.Equal("20220131", cdxQuery["to"]);
        Assert.Equal("statuscode:200", cdxQuery["filter"]);
        Assert.Equal("10", cdxQuery["limit"]);
        Assert.Equal(new Uri(server.BaseAddress, "web/20220105123000id_/https://news.example.kz/2022/01/05/almaty"), client.RawSnapshotUrl(snapshot));
        Assert.Equal(FetchOutcome.Ok, raw.Outcome);
        Assert.Equal("/web/20220105123000id_/https://news.example.kz/2022/01/05/almaty", rawPath);
        Assert.Contains("Archived copy", raw.DecodeText());
    }

    private static DateTimeOffset Day(int day) => new(2022, 1, day, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Stamp(string text) =>
        DateTimeOffset.ParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static IOptions<ArchiveOptions> Archives(LocalWebServer server, Action<ArchiveOptions>? configure = null)
    {
        var options = new ArchiveOptions
        {
            GdeltBaseUrl = server.Url(GdeltPath),
            WaybackCdxUrl = server.Url("/cdx/search/cdx"),
            WaybackBaseUrl = server.BaseAddress,
        };
        configure?.Invoke(options);
        return Options.Create(options);
    }

    private static string GdeltJson(params (string Url, string Seen)[] articles) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            articles = articles.Select(a => new Dictionary<string, string>
            {
                ["url"] = a.Url,
                ["url_mobile"] = "",
                ["title"] = $"Report from {new Uri(a.Url).Host}",
                ["seendate"] = a.Seen,
                ["socialimage"] = $"https://{new Uri(a.Url).Host}/img.jpg",
                ["domain"] = new Uri(a.Url).Host,
                ["language"] = "Russian",
                ["sourcecountry"] = "Kazakhstan",
            }),
        });
}
