using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Tests.Sources;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Scraper;

public sealed class WarcImportTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ku-warc-").FullName;

    [Fact]
    public async Task Response_records_of_a_warc_gz_become_articles_once()
    {
        var published = new DateTimeOffset(2022, 1, 7, 11, 0, 0, TimeSpan.Zero);
        var page = TestPages.Article("Shoot without warning order", published, TestPages.Paragraphs("the order"));
        var other = TestPages.Article("Internet restored in Almaty", published.AddDays(3), TestPages.Paragraphs("the internet"));
        var warc = WarcFiles.Gzip(
            WarcFiles.Record("warcinfo", null, "software: test\r\n"),
            WarcFiles.Record("request", "https://wire.example/order", "GET /order HTTP/1.1\r\nHost: wire.example\r\n\r\n"),
            WarcFiles.Record("response", "https://wire.example/order", WarcFiles.Http(200, "text/html; charset=utf-8", page)),
            WarcFiles.Record("metadata", "https://wire.example/order", "fetchTimeMs: 120\r\n"),
            WarcFiles.Record("response", "https://wire.example/missing", WarcFiles.Http(404, "text/html", "<html>gone</html>")),
            WarcFiles.Record("response", "https://wire.example/internet", WarcFiles.Http(200, "text/html", other)));
        var file = Path.Combine(_folder, "crawl.warc.gz");
        await File.WriteAllBytesAsync(file, warc);

        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [_folder], null, false, false, CancellationToken.None));
        await using (var db = scraper.CreateContext())
        {
            var articles = await db.Articles.Include(a => a.Capture).Where(a => a.CanonicalUrl.StartsWith("https://wire.example/")).ToListAsync();
            Assert.Equal(["https://wire.example/internet", "https://wire.example/order"], articles.Select(a => a.CanonicalUrl).Order());
            var order = articles.Single(a => a.CanonicalUrl.EndsWith("/order", StringComparison.Ordinal));
            Assert.Equal("Shoot without warning order", order.Title);
            Assert.Equal(CaptureOrigin.Warc, order.Capture!.Origin);
            Assert.StartsWith("crawl.warc.gz@", order.Capture.OriginDetail);
            Assert.Equal(new DateTimeOffset(2022, 1, 5, 12, 0, 0, TimeSpan.Zero), order.FirstSeenAt); // the WARC-Date
        }

        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [file], null, false, false, CancellationToken.None));
        await using var after = scraper.CreateContext();
        Assert.Equal(2, await after.Articles.CountAsync(a => a.CanonicalUrl.StartsWith("https://wire.example/")));
        Assert.Equal(2, await after.Captures.CountAsync(c => c.Origin == CaptureOrigin.Warc));
    }

    [Fact]
    public async Task A_truncated_warc_keeps_the_records_before_the_damage_and_reports_the_file()
    {
        var file = Path.Combine(_folder, "cut.warc");
        var plain = System.Text.Encoding.Latin1.GetBytes(WarcFiles.Record("response", "https://wire.example/before-damage",
            WarcFiles.Http(200, "text/html", TestPages.Article("Before the damage", new DateTimeOffset(2022, 1, 8, 0, 0, 0, TimeSpan.Zero), TestPages.Paragraphs("damage")))));
        await File.WriteAllBytesAsync(file, [.. plain, .. "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nHTTP/1.1 200"u8.ToArray()]);

        Assert.Equal(1, await ImportCommand.RunAsync(scraper.Services, [file], null, false, false, CancellationToken.None));
        await using var db = scraper.CreateContext();
        Assert.True(await db.Articles.AnyAsync(a => a.CanonicalUrl == "https://wire.example/before-damage"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
