using System.Text;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Crawl;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>
/// <c>crawl</c> and the service over a local server playing 50 feeds of the public parser suites (../shared/corpus/feeds,
/// read at run time): old and missing RSS versions, RDF, Atom 0.3, CDF, JSON Feed, UTF-16/32 with and without BOM,
/// legacy charsets, headers that disagree with the body, malformed XML. Both stay up, every source ends with a run or a
/// recorded error, and none stays leased.
/// </summary>
public sealed partial class FeedCorpusCrawlTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int FeedCount = 50;

    // Picked for variety, so many of each: encodings, versions and formats, malformed XML, real feeds.
    private static readonly (string Pattern, int Take)[] Patterns =
    [
        ("feedparser/encoding/utf-*.xml", 12), ("feedparser/encoding/u*16.xml", 2), ("feedparser/encoding/big5.xml", 1),
        ("feedparser/encoding/euc-kr.xml", 1), ("feedparser/encoding/http_text_xml_charset_overrides_encoding.xml", 1),
        ("feedparser/encoding/bozo_*.xml", 4), ("gofeed/parser/rss/version_*.xml", 11), ("gofeed/parser/atom/atom03_feed_entry_*.xml", 3),
        ("feedparser/wellformed/cdf/item_*.xml", 2), ("gofeed/parser/json/version_json_1*.json", 2), ("feedparser/illformed/*.xml", 5),
        ("feedreader/Feeds/Rss09*.xml", 3), ("feedreader/Feeds/Rss20*.xml", 3),
    ];

    [Fact]
    public async Task Crawl_over_fifty_suite_feeds_ends_every_source_with_a_run_or_an_error()
    {
        var feeds = Feeds();
        await using var server = await ServeAsync(feeds);
        await AddSourcesAsync("crawl", feeds, server);
        using var host = CrawlHost.Create(database.ConnectionString, server, "Scraper:MaxArticlesPerRun=2");

        var status = await CrawlCommand.RunAsync(host.Services, null, CancellationToken.None);

        Assert.Equal(0, status);
        await AssertEverySourceEndedAsync("crawl");
    }

    [Fact]
    public async Task The_service_over_fifty_suite_feeds_stays_up_and_ends_every_source_with_a_run_or_an_error()
    {
        var feeds = Feeds();
        await using var server = await ServeAsync(feeds);
        await AddSourcesAsync("service", feeds, server);
        using var host = CrawlHost.CreateService(database.ConnectionString, server, "Scraper:MaxArticlesPerRun=2");
        var service = host.Services.GetServices<IHostedService>().OfType<ScraperService>().Single();

        await host.StartAsync();
        // A deadline for liveness, not a speed assertion: the sources finish in seconds; a hung service would never.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (await PendingAsync("service") > 0 && DateTimeOffset.UtcNow < deadline && service.ExecuteTask is { IsCompleted: false })
        {
            await Task.Delay(250);
        }

        Assert.False(service.ExecuteTask!.IsCompleted, $"the service stopped: {service.ExecuteTask.Exception?.GetBaseException().Message}");
        await host.StopAsync();
        await AssertEverySourceEndedAsync("service");
    }

    private static List<(string Path, string Name)> Feeds()
    {
        var root = Path.Combine(ScraperFixture.SharedCorpus, "feeds");
        var picked = new List<string>();
        foreach (var (pattern, take) in Patterns)
        {
            var folder = Path.Combine(root, Path.GetDirectoryName(pattern)!);
            picked.AddRange(Directory.EnumerateFiles(folder, Path.GetFileName(pattern)).Order(StringComparer.Ordinal).Take(take));
        }

        Assert.Equal(FeedCount, picked.Count);
        return [.. picked.Select((p, i) => (p, $"{i:D2}-{Path.GetFileName(p)}"))];
    }

    /// <summary>Each feed at /feeds/NAME with the Content-Type its suite names ("Header:" comment), else one for its format.</summary>
    private static Task<LocalWebServer> ServeAsync(List<(string Path, string Name)> feeds) =>
        LocalWebServer.StartAsync(app =>
        {
            var byName = feeds.ToDictionary(f => f.Name, f => f.Path);
            app.MapGet("/feeds/{name}", async (string name, HttpContext http) =>
            {
                var body = await File.ReadAllBytesAsync(byName[name]);
                var header = HeaderLine().Match(Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 1024)));
                http.Response.Headers.ContentType = header.Success ? header.Groups[1].Value.Trim()
                    : name.EndsWith(".json", StringComparison.Ordinal) ? "application/feed+json" : "application/xml";
                await http.Response.Body.WriteAsync(body);
            });
        });

    private async Task AddSourcesAsync(string prefix, List<(string Path, string Name)> feeds, LocalWebServer server)
    {
        await using var db = database.CreateContext();
        db.Sources.AddRange(feeds.Select(f => new Source
        {
            Name = $"{prefix}-{f.Name}",
            Kind = SourceKind.Feed,
            Location = server.Url("feeds/" + f.Name).AbsoluteUri,
            CreatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
    }

    private async Task<int> PendingAsync(string prefix)
    {
        await using var db = database.CreateContext();
        return await db.Sources.CountAsync(s => s.Name.StartsWith(prefix + "-") && ((s.LastRunAt == null && s.LastErrorAt == null) || s.LeasedUntil != null));
    }

    private async Task AssertEverySourceEndedAsync(string prefix)
    {
        await using var db = database.CreateContext();
        var sources = await db.Sources.AsNoTracking().Where(s => s.Name.StartsWith(prefix + "-")).OrderBy(s => s.Name).ToListAsync();
        Assert.Equal(FeedCount, sources.Count);
        foreach (var s in sources)
        {
            output.WriteLine($"{s.Name,-60} {(s.LastError is null ? $"read, {s.LastNewCount} new" : s.LastError[..Math.Min(s.LastError.Length, 120)])}");
        }

        Assert.All(sources, s =>
        {
            Assert.True(s.LastRunAt is not null || s.LastErrorAt is not null, $"{s.Name} has neither a run nor an error");
            Assert.Null(s.LeasedUntil);
        });
        // Malformed feeds end with a recorded, clear error; the others are read.
        Assert.Contains(sources, s => s.LastError?.StartsWith("malformed feed:", StringComparison.Ordinal) == true);
        Assert.Contains(sources, s => s.LastError is null);
    }

    [GeneratedRegex(@"^Header:\s+Content-type:\s*(.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();
}
