using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Scraper;

public sealed class RevisionTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ku-revisions-").FullName;

    [Fact]
    public async Task A_changed_article_becomes_a_revision_and_keeps_its_first_seen_time()
    {
        var published = new DateTimeOffset(2022, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var file = Path.Combine(_folder, "report.html");
        var paragraphs = TestPages.Paragraphs("the curfew");
        await File.WriteAllTextAsync(file, TestPages.Article("Curfew extended", published, paragraphs));
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [file], null, false, false, CancellationToken.None));

        await using var before = scraper.CreateContext();
        var original = await before.Articles.AsNoTracking().SingleAsync(a => a.Title == "Curfew extended");

        // The outlet corrects a figure and the headline.
        paragraphs[2] = "The government said 164 people had died, revising its earlier figure.";
        await File.WriteAllTextAsync(file, TestPages.Article("Curfew extended; toll revised", published, paragraphs));
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [file], null, false, false, CancellationToken.None));

        await using var after = scraper.CreateContext();
        var updated = await after.Articles.Include(a => a.Revisions).SingleAsync(a => a.Id == original.Id);
        Assert.Equal(2, updated.Revision);
        Assert.Equal("Curfew extended; toll revised", updated.Title);
        Assert.Contains("164 people", updated.Text);
        Assert.Equal(original.FirstSeenAt, updated.FirstSeenAt);
        Assert.True(updated.UpdatedAt > original.UpdatedAt);
        var kept = Assert.Single(updated.Revisions);
        Assert.Equal(1, kept.Revision);
        Assert.Equal("Curfew extended", kept.Title);
        Assert.Equal(original.ContentHash, kept.ContentHash);
        Assert.NotEqual(original.CaptureId, updated.CaptureId);
        Assert.Equal(2, await after.Captures.CountAsync());

        // Reprocessing the kept captures finds nothing to change.
        Assert.Equal(0, await ReprocessCommand.RunAsync(scraper.Services, CancellationToken.None));
        await using var reprocessed = scraper.CreateContext();
        Assert.Equal(2, (await reprocessed.Articles.SingleAsync(a => a.Id == original.Id)).Revision);
    }

    [Fact]
    public async Task Extract_writes_one_json_object_per_article_and_stores_nothing()
    {
        var file = Path.Combine(_folder, "extract-me.html");
        await File.WriteAllTextAsync(file, TestPages.Article("Extract me", new DateTimeOffset(2022, 1, 7, 0, 0, 0, TimeSpan.Zero), TestPages.Paragraphs("extraction")));
        using var output = new StringWriter();
        Assert.Equal(0, await ExtractCommand.RunAsync([file], new Uri("https://outlet.example/extract-me?utm_medium=x"), output, CancellationToken.None));

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString().Trim());
        var root = json.RootElement;
        Assert.Equal("Extract me", root.GetProperty("title").GetString());
        Assert.Equal("https://outlet.example/extract-me", root.GetProperty("url").GetString());
        Assert.Equal(3, root.GetProperty("paragraphs").GetArrayLength());
        Assert.Equal(0, root.GetProperty("segment").GetInt32());
        Assert.StartsWith("2022-01-07", root.GetProperty("published").GetString());
        foreach (var field in new[] { "file", "byline", "modified", "language", "text" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        await using var db = scraper.CreateContext();
        Assert.False(await db.Articles.AnyAsync(a => a.Title == "Extract me"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
