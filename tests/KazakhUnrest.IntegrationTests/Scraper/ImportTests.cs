using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Scraper;

public sealed class SampleImportTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>
{
    private static string Samples => Path.Combine(ScraperFixture.RepoRoot, "samples");

    [Fact]
    public async Task Sample_capture_imports_once_and_a_second_run_changes_nothing()
    {
        var first = await ImportCommand.RunAsync(scraper.Services, [Path.Combine(Samples, "capture")],
            Path.Combine(Samples, "outlets.json"), isSample: true, ifEmpty: true, CancellationToken.None);
        Assert.Equal(0, first);

        await using var db = scraper.CreateContext();
        var files = Directory.GetFiles(Path.Combine(Samples, "capture"), "*.html").Length;
        var articles = await db.Articles.CountAsync();
        var captures = await db.Captures.CountAsync();
        Assert.True(files >= 40, "the sample capture holds at least 40 reports");
        Assert.True(articles >= files, "every file gives at least one article (the digest gives three)");
        Assert.Equal(files, captures);
        Assert.True(await db.Articles.AllAsync(a => a.IsSample));
        Assert.True(await db.Outlets.CountAsync(o => o.IsSample && o.Kind != OutletKind.Undescribed) >= 8);
        Assert.Equal(3, await db.Articles.CountAsync(a => a.CanonicalUrl.Contains("digest") && a.Segment > 0));

        // Re-running is a no-op, with or without --if-empty.
        var second = await ImportCommand.RunAsync(scraper.Services, [Path.Combine(Samples, "capture")],
            Path.Combine(Samples, "outlets.json"), isSample: true, ifEmpty: false, CancellationToken.None);
        Assert.Equal(0, second);
        await using var after = scraper.CreateContext();
        Assert.Equal(articles, await after.Articles.CountAsync());
        Assert.Equal(captures, await after.Captures.CountAsync());
        Assert.Equal(0, await after.ArticleRevisions.CountAsync());
    }
}

public sealed class SeedImportTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>, IAsyncLifetime
{
    private static string Seeds => Path.Combine(ScraperFixture.SharedCorpus, "seeds");

    public async Task InitializeAsync() =>
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Seeds], null, isSample: false, ifEmpty: false, CancellationToken.None));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_gold_segment_is_stored_as_its_own_article_and_no_furniture_is()
    {
        using var gold = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ScraperFixture.SharedCorpus, "seeds.gold.json")));
        await using var db = scraper.CreateContext();
        foreach (var document in gold.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = document.GetProperty("file").GetString()!;
            var stored = await db.Articles.AsNoTracking()
                .Where(a => a.CanonicalUrl == "capture:///" + file)
                .OrderBy(a => a.Segment).ToListAsync();
            var segments = document.GetProperty("segments").EnumerateArray().ToList();
            Assert.Equal(segments.Count, stored.Count);
            foreach (var (segment, article) in segments.Zip(stored))
            {
                var id = segment.GetProperty("id").GetString();
                // The gold leaves out an opening quote mark that the page prints before the first word.
                Assert.StartsWith(segment.GetProperty("starts").GetString()!, article.Text.TrimStart('“', '"', '‘', '\''), StringComparison.Ordinal);
                Assert.EndsWith(segment.GetProperty("ends").GetString()!, article.Text, StringComparison.Ordinal);
                if (segment.TryGetProperty("section_headings", out var headings))
                {
                    foreach (var heading in headings.EnumerateArray().Select(h => h.GetString()))
                    {
                        Assert.Contains(article.Body, b => b.Kind == BodyBlockKind.Heading && b.Text == heading);
                    }
                }

                var published = segment.GetProperty("published");
                var dates = published.GetProperty("dates").EnumerateArray().Select(d => d.GetString()).ToList();
                if (published.GetProperty("explicit").GetBoolean())
                {
                    Assert.NotNull(article.PublishedAt);
                }

                if (article.PublishedAt is { } date)
                {
                    Assert.Contains(date.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), dates);
                }
                if (segment.TryGetProperty("must_drop", out var drops))
                {
                    foreach (var drop in drops.EnumerateArray().Select(d => d.GetString()!))
                    {
                        Assert.False(article.Text.Contains(drop, StringComparison.Ordinal) || article.Title.Contains(drop, StringComparison.Ordinal),
                            $"{id}: furniture '{drop}' was stored");
                    }
                }

                if (segment.GetProperty("title").ValueKind == JsonValueKind.String)
                {
                    Assert.Equal(segment.GetProperty("title").GetString(), article.Title);
                }
            }
        }
    }

    [Fact]
    public async Task Importing_the_seeds_again_stores_nothing_new()
    {
        await using var before = scraper.CreateContext();
        var count = await before.Articles.CountAsync();
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Seeds], null, isSample: false, ifEmpty: false, CancellationToken.None));
        await using var after = scraper.CreateContext();
        Assert.Equal(count, await after.Articles.CountAsync());
        Assert.Equal(0, await after.ArticleRevisions.CountAsync());
    }
}

/// <summary>A page's own links are outside text: only a web address is stored as the article's address.</summary>
public sealed class HostileLinkImportTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>
{
    [Theory]
    [InlineData("javascript://evil.example/%0aalert(document.domain)")]
    [InlineData("data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;")]
    public async Task A_canonical_link_that_is_not_a_web_address_is_not_stored(string canonical)
    {
        var folder = Directory.CreateTempSubdirectory("ku-hostile-");
        try
        {
            var file = Path.Combine(folder.FullName, "hostile.html");
            await File.WriteAllTextAsync(file, $"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Protests in Almaty</title>
                <link rel="canonical" href="{canonical}"></head>
                <body><article><h1>Protests in Almaty</h1>
                <p>Thousands of protesters gathered in Almaty on Wednesday as anger over fuel prices spread across Kazakhstan.</p>
                <p>Police used tear gas and stun grenades, and the internet was cut in several regions of the country.</p>
                </article></body></html>
                """);
            Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [file], null, isSample: false, ifEmpty: false, CancellationToken.None));

            await using var db = scraper.CreateContext();
            var stored = await db.Articles.Where(a => a.Title == "Protests in Almaty").Select(a => a.CanonicalUrl).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, url =>
            {
                Assert.DoesNotContain("javascript", url, StringComparison.OrdinalIgnoreCase);
                Assert.False(url.StartsWith("data:", StringComparison.OrdinalIgnoreCase), url);
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
