using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Crawl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>Outlet homepages and source locations become links and fetches: only web addresses are stored.</summary>
public sealed class OutsideAddressTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ku-sources-").FullName;

    [Fact]
    public async Task A_sources_file_keeps_web_addresses_and_drops_the_others()
    {
        var file = Path.Combine(_folder, "sources.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "outlets": [
                { "name": "Good Wire", "slug": "good-wire", "homepage": "https://good.example/" },
                { "name": "Script Wire", "slug": "script-wire", "homepage": "javascript:alert(document.domain)" },
                { "name": "Data Wire", "slug": "data-wire", "homepage": " data:text/html,<script>alert(1)</script>" }
              ],
              "sources": [
                { "name": "good feed", "kind": "feed", "location": "https://good.example/rss", "outlet": "good-wire" },
                { "name": "script feed", "kind": "feed", "location": "javascript:alert(1)" },
                { "name": "file sitemap", "kind": "sitemap", "location": "file:///etc/passwd" },
                { "name": "folder", "kind": "capture_folder", "location": "{{_folder}}" }
              ]
            }
            """);

        await using var db = scraper.CreateContext();
        Assert.Equal(2, await SourcesFile.SyncAsync(db, file, NullLogger.Instance, CancellationToken.None));

        var outlets = await db.Outlets.AsNoTracking().Where(o => o.Slug.EndsWith("-wire")).ToDictionaryAsync(o => o.Slug, o => o.Homepage);
        Assert.Equal("https://good.example/", outlets["good-wire"]);
        Assert.Null(outlets["script-wire"]);
        Assert.Null(outlets["data-wire"]);
        var sources = await db.Sources.AsNoTracking().Select(s => s.Name).ToListAsync();
        Assert.Contains("good feed", sources);
        Assert.Contains("folder", sources);
        Assert.DoesNotContain("script feed", sources);
        Assert.DoesNotContain("file sitemap", sources);

        // A source already stored whose location is edited into a script stops running and keeps its last web address.
        await File.WriteAllTextAsync(file, """
            { "outlets": [], "sources": [ { "name": "good feed", "kind": "feed", "location": "javascript:alert(2)" } ] }
            """);
        Assert.Equal(0, await SourcesFile.SyncAsync(db, file, NullLogger.Instance, CancellationToken.None));
        var stale = await db.Sources.AsNoTracking().SingleAsync(s => s.Name == "good feed");
        Assert.False(stale.Enabled);
        Assert.Equal("https://good.example/rss", stale.Location);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
