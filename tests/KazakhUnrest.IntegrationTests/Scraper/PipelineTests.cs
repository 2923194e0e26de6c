using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Import;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>Every entry point runs the whole pipeline: what one command brings in reaches stories and the timeline.</summary>
public sealed class PipelineTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Jan5 = new(2022, 1, 5, 9, 0, 0, TimeSpan.FromHours(6));

    [Fact]
    public async Task An_article_crawled_by_hand_appears_in_a_story_and_on_the_timeline()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext http) =>
            {
                var root = $"http://{http.Request.Host}";
                return Results.Text(TestPages.Rss(
                    ($"{root}/news/emergency", "Kazakhstan declares state of emergency in Almaty after fuel protests", Jan5),
                    ($"{root}/news/emergency-update", "State of emergency declared in Almaty as Kazakhstan fuel protests spread", Jan5.AddHours(2))),
                    "application/rss+xml");
            });
            app.MapGet("/news/emergency", () => Results.Text(TestPages.Article(
                "Kazakhstan declares state of emergency in Almaty after fuel protests", Jan5,
                "President Kassym-Jomart Tokayev declared a state of emergency in Almaty on Wednesday after protesters stormed the mayor's office.",
                "The protests began in Zhanaozen on Sunday over the doubling of liquefied gas prices and spread to Almaty and other cities.",
                "Police used tear gas and stun grenades against the crowds in Almaty, and the internet was cut across Kazakhstan."),
                "text/html; charset=utf-8"));
            app.MapGet("/news/emergency-update", () => Results.Text(TestPages.Article(
                "State of emergency declared in Almaty as Kazakhstan fuel protests spread", Jan5.AddHours(2),
                "Kazakhstan's President Kassym-Jomart Tokayev declared a state of emergency in Almaty on Wednesday as protesters stormed the mayor's office.",
                "The fuel protests, which began in Zhanaozen on Sunday over liquefied gas prices, spread to Almaty, where police used tear gas.",
                "The internet was cut across Kazakhstan as the government resigned."),
                "text/html; charset=utf-8"));
        });
        await using (var db = database.CreateContext())
        {
            db.Sources.Add(new Source { Name = "by-hand", Kind = SourceKind.Feed, Location = server.Url("feed.xml").AbsoluteUri, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var host = CrawlHost.Create(database.ConnectionString, server);
        Assert.Equal(0, await CrawlCommand.RunAsync(host.Services, "by-hand", CancellationToken.None));

        await using var check = database.CreateContext();
        var articles = await check.Articles.Where(a => a.CanonicalUrl.StartsWith(server.BaseAddress.AbsoluteUri)).ToListAsync();
        Assert.Equal(2, articles.Count);
        Assert.All(articles, a => Assert.True(a.OnTopic, $"{a.Title}: {string.Join("; ", a.RelevanceReasons)}"));
        var storyIds = articles.Select(a => a.StoryId).Distinct().ToList();
        var storyId = Assert.Single(storyIds);
        Assert.NotNull(storyId);
        Assert.True(await check.Stories.AnyAsync(s => s.Id == storyId));

        var ids = articles.Select(a => a.Id).ToList();
        Assert.All(articles, a => Assert.NotNull(a.EventsAt));
        var emergency = await check.TimelineEntries.AsNoTracking().Include(e => e.Sources)
            .SingleAsync(e => e.Kind == "state-of-emergency" && e.Date == new DateOnly(2022, 1, 5));
        Assert.Equal(ids.Order(), emergency.Sources.Select(s => s.ArticleId).Distinct().Order());
    }
}

/// <summary>Two scraper processes filing the same collection at once give the stories one process gives.</summary>
public sealed class ConcurrentFilingTests
{
    private static readonly string Samples = Path.Combine(ScraperFixture.RepoRoot, "samples");

    [Fact]
    public async Task Two_processes_filing_small_batches_in_turn_give_the_stories_of_one()
    {
        var alone = await PostgresServer.CreateDatabaseAsync();
        var together = await PostgresServer.CreateDatabaseAsync();
        try
        {
            using (var one = Host(alone, filingBatch: 1_000))
            {
                await ImportAsync(one.Services);
                await one.Services.GetRequiredService<StoriesStep>().RunPendingAsync(CancellationToken.None);
            }

            using var first = Host(together, filingBatch: 4);
            using var second = Host(together, filingBatch: 4);
            await ImportAsync(first.Services);
            var batches = new List<string>();
            // Each batch takes the story lock; whoever gets it first catches up with what the other filed.
            await Task.WhenAll(
                first.Services.GetRequiredService<StoriesStep>().RunPendingAsync(CancellationToken.None, n => { lock (batches) { batches.Add("first"); } }),
                second.Services.GetRequiredService<StoriesStep>().RunPendingAsync(CancellationToken.None, n => { lock (batches) { batches.Add("second"); } }));

            // PostgreSQL grants the lock to waiters in turn, so both file: the test is only worth anything if they do.
            Assert.True(batches.Count > 5, $"{batches.Count} batches");
            Assert.Contains("first", batches);
            Assert.Contains("second", batches);
            var expected = await StoriesAsync(alone);
            Assert.True(expected.Count(s => s.Contains('|')) >= 3, "the sample capture has stories of several reports");
            Assert.Equal(expected, await StoriesAsync(together));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(alone);
            await PostgresServer.DropDatabaseAsync(together);
        }
    }

    private static IHost Host(string connectionString, int filingBatch)
    {
        var builder = KazakhUnrest.Scraper.ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={connectionString}", $"--Pipeline:FilingBatch={filingBatch}"]);
        builder.AddPipeline();
        return builder.Build();
    }

    private static async Task ImportAsync(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await OutletsFile.UpsertAsync(scope.ServiceProvider.GetRequiredService<KazakhDbContext>(), Path.Combine(Samples, "outlets.json"), isSample: true,
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        }

        var result = await services.GetRequiredService<Importer>().ImportAsync(CaptureFiles.Find([Path.Combine(Samples, "capture")]), true, null, null, CancellationToken.None);
        Assert.Equal(0, result.FailedFiles);
    }

    /// <summary>Each story as its articles' addresses (a copy marked), with its id: the clusterer hands ids out deterministically too.</summary>
    private static async Task<List<string>> StoriesAsync(string connectionString)
    {
        await using var db = DatabaseExtensions.CreateContext(connectionString);
        var rows = await db.Articles.AsNoTracking().Where(a => a.StoryId != null)
            .Select(a => new { a.StoryId, a.CanonicalUrl, a.DuplicateOfId })
            .ToListAsync();
        return [.. rows.GroupBy(r => r.StoryId).Select(g => $"{g.Key}: {string.Join('|', g.Select(r => r.CanonicalUrl + (r.DuplicateOfId is null ? "" : " (copy)")).Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal)];
    }
}

/// <summary><c>reprocess --from STEP</c> re-runs the pipeline on stored data; on unchanged rules it changes nothing.</summary>
public sealed class ReprocessFromTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>
{
    [Theory]
    [InlineData(PipelineStep.Extract)]
    [InlineData(PipelineStep.Story)]
    [InlineData(PipelineStep.Entities)]
    [InlineData(PipelineStep.Timeline)]
    public async Task Rerunning_from_a_step_gives_the_same_stories_events_and_timeline(PipelineStep step)
    {
        var samples = Path.Combine(ScraperFixture.RepoRoot, "samples");
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Path.Combine(samples, "capture")], Path.Combine(samples, "outlets.json"),
            isSample: true, ifEmpty: false, CancellationToken.None));
        var before = await StateAsync();
        Assert.True(before.Stories.Count > 5 && before.Events.Count > 10 && before.Timeline.Count > 5, "the sample capture fills stories and the timeline");

        Assert.Equal(0, await ReprocessCommand.RunFromAsync(scraper.Services, step, CancellationToken.None));

        var after = await StateAsync();
        Assert.Equal(before.Stories, after.Stories);
        Assert.Equal(before.Events, after.Events);
        Assert.Equal(before.Timeline, after.Timeline);
    }

    private async Task<(List<string> Stories, List<string> Events, List<string> Timeline)> StateAsync()
    {
        await using var db = scraper.CreateContext();
        var stories = (await db.Articles.AsNoTracking().Where(a => a.StoryId != null).Select(a => new { a.StoryId, a.CanonicalUrl }).ToListAsync())
            .GroupBy(a => a.StoryId).Select(g => string.Join('|', g.Select(a => a.CanonicalUrl).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        var events = (await db.ArticleEvents.AsNoTracking().Select(e => new { e.Article.CanonicalUrl, e.Kind, e.Date, e.SentenceStart }).ToListAsync())
            .Select(e => $"{e.CanonicalUrl} {e.Kind} {e.Date} {e.SentenceStart}").Order(StringComparer.Ordinal).ToList();
        var timeline = (await db.TimelineEntries.AsNoTracking().Select(t => new { t.Kind, t.Date, t.SourceCount, t.Summary }).ToListAsync())
            .Select(t => $"{t.Date} {t.Kind} {t.SourceCount} {t.Summary}").Order(StringComparer.Ordinal).ToList();
        return (stories, events, timeline);
    }
}

public sealed class StoryEditInputTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_split_with_no_article_is_refused_with_a_clear_error()
    {
        await using var db = database.CreateContext();
        var error = await Assert.ThrowsAsync<KazakhUnrest.Core.Stories.StoryEditException>(() =>
            KazakhUnrest.Core.Stories.StoryEditing.SplitAsync(db, 1, [], new("test", "test", null), CancellationToken.None));
        Assert.Contains("at least one article", error.Message);
    }
}
