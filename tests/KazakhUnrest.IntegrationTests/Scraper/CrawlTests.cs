using System.IO.Compression;
using System.Text;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Scraper;

public sealed class CrawlTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Jan5 = new(2022, 1, 5, 8, 0, 0, TimeSpan.FromHours(6));

    [Fact]
    public async Task Feed_articles_are_stored_and_a_second_run_answered_304_stores_nothing()
    {
        var feedRequests = 0;
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext http) =>
            {
                feedRequests++;
                if (http.Request.Headers.IfNoneMatch == "\"v1\"")
                {
                    return Results.StatusCode(304);
                }

                http.Response.Headers.ETag = "\"v1\"";
                var root = $"http://{http.Request.Host}";
                return Results.Text(TestPages.Rss(
                    ($"{root}/news/fuel-protests?utm_source=rss", "Fuel protests", Jan5),
                    ($"{root}/news/curfew", "Curfew", Jan5.AddHours(3)),
                    ($"{root}/news/airport", "Airport", Jan5.AddHours(6))), "application/rss+xml");
            });
            app.MapGet("/news/{slug}", (string slug) =>
                Results.Text(TestPages.Article($"Report on {slug}", Jan5, TestPages.Paragraphs(slug)), "text/html; charset=utf-8"));
        });
        await AddSourceAsync("feed-304", SourceKind.Feed, server.Url("feed.xml").AbsoluteUri);
        using var host = CrawlHost.Create(database.ConnectionString, server, new TestClock());

        var first = await host.RunAsync("feed-304");
        Assert.Null(first!.Error);
        Assert.Equal(3, first.Articles.New);

        await using (var db = database.CreateContext())
        {
            var stored = await db.Articles.Where(a => a.CanonicalUrl.StartsWith(server.BaseAddress.AbsoluteUri + "news/")).ToListAsync();
            Assert.Equal(3, stored.Count);
            var fuel = stored.Single(a => a.CanonicalUrl.EndsWith("/news/fuel-protests", StringComparison.Ordinal));
            Assert.Equal("Report on fuel-protests", fuel.Title);
            Assert.Equal(Jan5.ToUniversalTime(), fuel.PublishedAt);
            Assert.DoesNotContain("cookies", fuel.Text);
            Assert.DoesNotContain("Related stories", fuel.Text);
            var source = await db.Sources.SingleAsync(s => s.Name == "feed-304");
            Assert.Equal("\"v1\"", source.ETag);
            Assert.Equal(3, source.LastNewCount);
            Assert.Equal(0, source.ConsecutiveErrors);
            // The feed's <ttl> of 45 minutes sets the next check.
            Assert.Equal(TestClock.Origin, source.LastRunAt);
            Assert.Equal(TestClock.Origin.AddMinutes(45), source.NextCheckAt);
        }

        await MakeDueAsync("feed-304");
        var second = await host.RunAsync("feed-304");
        Assert.Null(second!.Error);
        Assert.Equal(0, second.Articles.New + second.Articles.Updated);
        Assert.Equal(2, feedRequests);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(3, await db.Articles.CountAsync(a => a.CanonicalUrl.StartsWith(server.BaseAddress.AbsoluteUri + "news/")));
        }
    }

    [Fact]
    public async Task Gzipped_news_sitemap_behind_an_index_is_followed_and_rerunning_fetches_no_page_again()
    {
        var pageRequests = 0;
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/sitemap.xml", (HttpContext http) => Results.Text($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>http://{http.Request.Host}/news-sitemap.xml.gz</loc><lastmod>2022-01-06</lastmod></sitemap>
                </sitemapindex>
                """, "application/xml"));
            app.MapGet("/news-sitemap.xml.gz", (HttpContext http) => Results.Bytes(Gzip($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>http://{http.Request.Host}/story/troops</loc><news:news><news:publication><news:name>Test</news:name><news:language>en</news:language></news:publication><news:publication_date>2022-01-06T10:00:00Z</news:publication_date><news:title>Troops</news:title></news:news></url>
                  <url><loc>http://{http.Request.Host}/story/airport</loc><lastmod>2022-01-06T12:00:00Z</lastmod></url>
                </urlset>
                """), "application/x-gzip"));
            app.MapGet("/story/{slug}", (string slug) =>
            {
                pageRequests++;
                return Results.Text(TestPages.Article($"Story {slug}", Jan5.AddDays(1), TestPages.Paragraphs(slug)), "text/html");
            });
        });
        await AddSourceAsync("sitemap-index", SourceKind.Sitemap, server.Url("sitemap.xml").AbsoluteUri);
        using var host = CrawlHost.Create(database.ConnectionString, server);

        var first = await host.RunAsync("sitemap-index");
        Assert.Null(first!.Error);
        Assert.Equal(2, first.Articles.New);

        await MakeDueAsync("sitemap-index");
        var second = await host.RunAsync("sitemap-index");
        Assert.Equal(0, second!.Articles.New);
        Assert.Equal(2, second.Articles.Unchanged);
        Assert.Equal(2, pageRequests);
    }

    [Fact]
    public async Task Backfill_finds_articles_in_gdelt_and_takes_a_vanished_page_from_the_wayback_machine()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/gdelt", (HttpContext http) =>
            {
                var root = $"http://{http.Request.Host}";
                var day = http.Request.Query["startdatetime"].ToString()[..8];
                // GDELT answers days without results with an empty object.
                return day != "20220105"
                    ? Results.Text("{}", "application/json")
                    : Results.Text($$"""
                        {"articles": [
                          {"url": "{{root}}/live/report", "url_mobile": "", "title": "Live report", "seendate": "20220105T120000Z", "socialimage": "", "domain": "127.0.0.1", "language": "English", "sourcecountry": "Kazakhstan"},
                          {"url": "{{root}}/gone/report", "url_mobile": "", "title": "Gone report", "seendate": "20220105T130000Z", "socialimage": "", "domain": "127.0.0.1", "language": "English", "sourcecountry": "Kazakhstan"}
                        ]}
                        """, "application/json");
            });
            app.MapGet("/live/report", () => Results.Text(TestPages.Article("Live report", Jan5, TestPages.Paragraphs("the live protest")), "text/html"));
            app.MapGet("/gone/report", () => Results.StatusCode(404));
            app.MapGet("/cdx", (HttpContext http) =>
            {
                var original = http.Request.Query["url"].ToString();
                return Results.Text($$"""
                    [["urlkey","timestamp","original","mimetype","statuscode","digest","length"],
                     ["x","20220106093000","{{original}}","text/html","200","ABC","1234"]]
                    """, "application/json");
            });
            app.MapGet("/web/{timestamp}/{**rest}", (string timestamp) =>
                timestamp == "20220106093000id_"
                    ? Results.Text(TestPages.Article("Archived report", Jan5, TestPages.Paragraphs("the archived protest")), "text/html")
                    : Results.StatusCode(404));
        });
        using var host = CrawlHost.Create(database.ConnectionString, server);
        var name = "backfill-test";
        await AddSourceAsync(name, SourceKind.ArchiveQuery, "kazakhstan protest | 2022-01-04 | 2022-01-06");

        var run = await host.RunAsync(name);
        Assert.Null(run!.Error);
        Assert.Equal(2, run.Articles.New);
        await using (var db = database.CreateContext())
        {
            var archived = await db.Articles.Include(a => a.Capture).SingleAsync(a => a.CanonicalUrl == server.Url("gone/report").AbsoluteUri);
            Assert.Equal("Archived report", archived.Title);
            Assert.Equal(CaptureOrigin.Archive, archived.Capture!.Origin);
            Assert.Contains("20220106093000id_", archived.Capture.OriginDetail);
        }

        await MakeDueAsync(name);
        var again = await host.RunAsync(name);
        Assert.Equal(0, again!.Articles.New);
    }

    [Fact]
    public async Task A_page_that_fails_loses_nothing_already_stored_and_is_reported_on_the_source()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext http) => Results.Text(TestPages.Rss(
                ($"http://{http.Request.Host}/ok/one", "One", Jan5),
                ($"http://{http.Request.Host}/broken/two", "Two", Jan5),
                ($"http://{http.Request.Host}/ok/three", "Three", Jan5)), "application/rss+xml"));
            app.MapGet("/ok/{slug}", (string slug) => Results.Text(TestPages.Article($"Fine {slug}", Jan5, TestPages.Paragraphs(slug)), "text/html"));
            app.MapGet("/broken/two", () => Results.StatusCode(500));
        });
        await AddSourceAsync("half-broken", SourceKind.Feed, server.Url("feed.xml").AbsoluteUri);
        using var host = CrawlHost.Create(database.ConnectionString, server);

        var run = await host.RunAsync("half-broken");
        Assert.Null(run!.Error);
        Assert.Equal(2, run.Articles.New);
        Assert.Equal(1, run.FailedPages);
        await using var db = database.CreateContext();
        Assert.False(await db.Articles.AnyAsync(a => a.CanonicalUrl.Contains("/broken/")));
        var source = await db.Sources.SingleAsync(s => s.Name == "half-broken");
        Assert.Equal(0, source.ConsecutiveErrors);
        Assert.Contains("/broken/two", source.LastError);
        Assert.Contains("HttpError", source.LastError);
    }

    public static TheoryData<string, string> BrokenFeeds => new()
    {
        { "not-found", "NotFound" },
        { "gone", "Gone" },
        { "server-error", "HttpError" },
        { "too-many", "RetryLater" },
        { "slow", "Timeout" },
        { "endless", "TooLarge" },
        { "loop", "RedirectLoop" },
        { "malformed", "malformed feed" },
        { "bomb", "TooLarge" },
        { "html-instead", "malformed feed" },
    };

    [Theory]
    [MemberData(nameof(BrokenFeeds))]
    public async Task Each_failure_ends_in_a_clear_error_on_the_source_and_no_article(string behaviour, string expected)
    {
        var slowReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/not-found", () => Results.StatusCode(404));
            app.MapGet("/gone", () => Results.StatusCode(410));
            app.MapGet("/server-error", () => Results.StatusCode(500));
            app.MapGet("/too-many", (HttpContext http) =>
            {
                http.Response.Headers.RetryAfter = "3600";
                return Results.StatusCode(429);
            });
            app.MapGet("/slow", async (CancellationToken ct) =>
            {
                slowReached.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return Results.Text("late");
            });
            app.MapGet("/endless", async (HttpContext http, CancellationToken ct) =>
            {
                http.Response.ContentType = "application/rss+xml";
                var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
                for (var i = 0; i < 10_000 && !ct.IsCancellationRequested; i++)
                {
                    await http.Response.Body.WriteAsync(chunk, ct);
                }
            });
            app.MapGet("/loop", () => Results.Redirect("/loop2"));
            app.MapGet("/loop2", () => Results.Redirect("/loop"));
            app.MapGet("/malformed", () => Results.Text("<rss><channel><item><title>broken", "application/rss+xml"));
            app.MapGet("/html-instead", () => Results.Text("<html><body><p>Not a feed at all</p></body></html>", "text/html"));
            app.MapGet("/bomb", (HttpContext http) =>
            {
                http.Response.Headers.ContentEncoding = "gzip";
                return Results.Bytes(Gzip(new string(' ', 64 * 1024 * 1024)), "application/rss+xml");
            });
        });
        var name = $"broken-{behaviour}";
        await AddSourceAsync(name, SourceKind.Feed, server.Url(behaviour).AbsoluteUri);
        var clock = new TestClock();
        using var host = CrawlHost.Create(database.ConnectionString, server, clock, "Fetch:MaxBodyBytes=1000000", "Fetch:MaxDecompressedBytes=2000000");

        var running = host.RunAsync(name);
        if (behaviour == "slow")
        {
            // The server holds the request; the total timeout (3 s in CrawlHost) passes on the clock, not on the wall.
            await slowReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            clock.Advance(TimeSpan.FromSeconds(3));
        }

        var run = await running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotNull(run!.Error);
        Assert.Contains(expected, run.Error);

        await using var db = database.CreateContext();
        var source = await db.Sources.SingleAsync(s => s.Name == name);
        Assert.Equal(1, source.ConsecutiveErrors);
        Assert.Contains(expected, source.LastError);
        Assert.Equal(TestClock.Origin, source.LastErrorAt);
        Assert.Null(source.LeasedUntil);
        // A first failure waits the minimum interval (5 min), unless the server said when to come back (Retry-After: 3600).
        Assert.Equal(TestClock.Origin + (behaviour == "too-many" ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(5)), source.NextCheckAt);

        Assert.False(await db.Captures.AnyAsync(c => c.SourceId == source.Id));
    }

    [Fact]
    public async Task A_retry_after_sets_the_next_run_and_repeated_failures_back_off_exponentially()
    {
        var busy = true;
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/feed.xml", (HttpContext http) =>
        {
            if (busy)
            {
                http.Response.Headers.RetryAfter = "120";
                return Results.StatusCode(429);
            }

            return Results.StatusCode(500);
        }));
        await AddSourceAsync("backoff", SourceKind.Feed, server.Url("feed.xml").AbsoluteUri);
        var clock = new TestClock();
        using var host = CrawlHost.Create(database.ConnectionString, server, clock, "Scraper:MinInterval=00:01:00");

        await host.RunAsync("backoff");
        Assert.Equal(TestClock.Origin.AddSeconds(120), (await SourceAsync("backoff")).NextCheckAt);

        busy = false;
        var expected = TestClock.Origin;
        foreach (var (errors, backoff) in new[] { (2, 2), (3, 4), (4, 8) })
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            expected = expected.AddMinutes(10);
            await host.RunAsync("backoff");
            var source = await SourceAsync("backoff");
            Assert.Equal(errors, source.ConsecutiveErrors);
            Assert.Equal(expected, source.LastRunAt);
            // The minimum interval (1 min) doubled for each failure in a row after the first.
            Assert.Equal(expected.AddMinutes(backoff), source.NextCheckAt);
        }
    }

    [Fact]
    public async Task A_private_address_is_refused_unless_allow_listed()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
            app.MapGet("/feed.xml", () => Results.Text(TestPages.Rss(), "application/rss+xml")));
        await AddSourceAsync("private", SourceKind.Feed, server.Url("feed.xml").AbsoluteUri);
        // The default configuration: nothing allow-listed.
        using var host = CrawlHost.Create(database.ConnectionString, server, "Fetch:AllowedPrivateNetworks:0=192.0.2.1");

        var run = await host.RunAsync("private");
        Assert.Contains("Refused", run!.Error);
    }

    [Fact]
    public async Task Two_processes_never_run_the_same_source_at_once()
    {
        await AddSourceAsync("leased", SourceKind.Feed, "http://127.0.0.1:9/never-fetched");
        await using var a = database.CreateContext();
        await using var b = database.CreateContext();
        var first = await KazakhUnrest.Scraper.Crawl.SourceLeases.LeaseByNameAsync(a, "leased", TimeSpan.FromMinutes(5), CancellationToken.None);
        var second = await KazakhUnrest.Scraper.Crawl.SourceLeases.LeaseByNameAsync(b, "leased", TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(second);
        var due = await KazakhUnrest.Scraper.Crawl.SourceLeases.LeaseDueAsync(b, 100, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.DoesNotContain(first.Value, due);
    }

    private async Task AddSourceAsync(string name, SourceKind kind, string location)
    {
        await using var db = database.CreateContext();
        db.Sources.Add(new Source { Name = name, Kind = kind, Location = location, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    private async Task<Source> SourceAsync(string name)
    {
        await using var db = database.CreateContext();
        return await db.Sources.AsNoTracking().SingleAsync(s => s.Name == name);
    }

    private async Task MakeDueAsync(string name)
    {
        await using var db = database.CreateContext();
        await db.Sources.Where(s => s.Name == name).ExecuteUpdateAsync(s => s.SetProperty(x => x.NextCheckAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}

public sealed class PageContentTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Jan6 = new(2022, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pages_in_a_wrong_or_missing_charset_are_decoded_and_malformed_ones_are_refused_on_the_source()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var cp1251 = System.Text.Encoding.GetEncoding(1251);
        var russian = TestPages.Article("Токаев обратился к ОДКБ", Jan6,
            "Президент Казахстана Касым-Жомарт Токаев обратился к ОДКБ за помощью в среду вечером, сообщили в Алматы.",
            "По словам очевидцев, в центре города были слышны выстрелы, а интернет был отключён почти по всей стране.",
            "Правительство пообещало вернуть цены на сжиженный газ к прежнему уровню и восстановить порядок.")
            .Replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1251\">", StringComparison.Ordinal)
            .Replace("lang=\"en\"", "lang=\"ru\"", StringComparison.Ordinal);
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext http) => Results.Text(TestPages.Rss(
                ($"http://{http.Request.Host}/ru/wrong-header", "wrong", Jan6),
                ($"http://{http.Request.Host}/ru/no-header", "none", Jan6),
                ($"http://{http.Request.Host}/junk", "junk", Jan6)), "application/rss+xml"));
            // The header claims UTF-8 but the bytes are windows-1251, as the page's own meta says.
            app.MapGet("/ru/wrong-header", () => Results.Bytes(cp1251.GetBytes(russian), "text/html; charset=utf-8"));
            app.MapGet("/ru/no-header", () => Results.Bytes(cp1251.GetBytes(russian), "text/html"));
            app.MapGet("/junk", () => Results.Bytes([0x00, 0xFF, 0x3C, 0x3C, 0x21, 0x2D, 0x2D, 0xFE, 0x00, 0x3E], "text/html"));
        });
        await using (var db = database.CreateContext())
        {
            db.Sources.Add(new Source { Name = "charsets", Kind = SourceKind.Feed, Location = server.Url("feed.xml").AbsoluteUri, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var host = CrawlHost.Create(database.ConnectionString, server);
        var run = await host.RunAsync("charsets");
        Assert.Equal(2, run!.Articles.New);
        Assert.Equal(1, run.FailedPages);

        await using var check = database.CreateContext();
        var stored = await check.Articles.Where(a => a.CanonicalUrl.Contains("/ru/")).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, a =>
        {
            Assert.Equal("Токаев обратился к ОДКБ", a.Title);
            Assert.Contains("Касым-Жомарт Токаев", a.Text);
            Assert.Equal("ru", a.Language);
        });
        Assert.False(await check.Articles.AnyAsync(a => a.CanonicalUrl.EndsWith("/junk")));
        var source = await check.Sources.SingleAsync(s => s.Name == "charsets");
        Assert.Contains("/junk", source.LastError);
    }
}
