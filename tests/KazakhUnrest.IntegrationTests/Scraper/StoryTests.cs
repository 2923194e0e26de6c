using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KazakhUnrest.IntegrationTests.Scraper;

public sealed class SeedStoryTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() =>
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Path.Combine(ScraperFixture.SharedCorpus, "seeds")], null, false, false, CancellationToken.None));

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Dictionary<string, (long? Story, bool OnTopic)>> SegmentsAsync()
    {
        await using var db = scraper.CreateContext();
        var rows = await db.Articles.AsNoTracking().Where(a => a.CanonicalUrl.StartsWith("capture:///0"))
            .Select(a => new { a.CanonicalUrl, a.Segment, a.StoryId, a.OnTopic }).ToListAsync();
        // Gold ids: the file's three-digit prefix, plus a letter per segment of a multi-article page.
        return rows.ToDictionary(
            r => r.CanonicalUrl["capture:///".Length..][..3] + (r.Segment == 0 ? "" : ((char)('a' + r.Segment - 1)).ToString()),
            r => (r.StoryId, r.OnTopic));
    }

    [Fact]
    public async Task The_border_clash_is_off_topic_and_every_other_seed_segment_is_coverage()
    {
        var s = await SegmentsAsync();
        Assert.False(s["003c"].OnTopic);
        Assert.Null(s["003c"].Story);
        var coverage = s.Where(x => x.Key != "003c").ToList();
        Assert.NotEmpty(coverage);
        Assert.All(coverage, x =>
        {
            Assert.True(x.Value.OnTopic, x.Key);
            Assert.NotNull(x.Value.Story);
        });
    }

    [Fact]
    public async Task The_seeds_form_the_annotated_stories()
    {
        var s = await SegmentsAsync();
        var china = s["000"].Story;
        var csto = s["004"].Story;
        Assert.Equal(china, s["001"].Story);
        Assert.Equal(csto, s["003b"].Story);
        Assert.NotEqual(china, csto);

        // The annotation allows 002 (an opinion piece on the same theme) with the China story or on its own,
        // and 003a (reactions and the crackdown) on its own or with the CSTO story; neither anywhere else.
        Assert.True(s["002"].Story == china || s.Count(x => x.Value.Story == s["002"].Story) == 1, "002");
        Assert.True(s["003a"].Story == csto || s.Count(x => x.Value.Story == s["003a"].Story) == 1, "003a");
    }

    [Fact]
    public async Task Reclustering_unchanged_data_gives_the_same_stories()
    {
        var before = await SegmentsAsync();
        await scraper.Services.GetRequiredService<StoriesStep>().ReclusterAsync(CancellationToken.None);
        Assert.Equal(before, await SegmentsAsync());
    }
}

public sealed class SampleStoryTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>, IAsyncLifetime
{
    private static string Samples => Path.Combine(ScraperFixture.RepoRoot, "samples");

    public async Task InitializeAsync() =>
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Path.Combine(Samples, "capture")], Path.Combine(Samples, "outlets.json"), true, false, CancellationToken.None));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Wire_copies_fold_under_the_original_and_the_football_report_is_off_topic()
    {
        await using var db = scraper.CreateContext();
        var articles = await db.Articles.AsNoTracking().Include(a => a.Capture).ToListAsync();
        long IdOf(string prefix) => articles.Single(a => a.Capture!.OriginDetail!.StartsWith(prefix, StringComparison.Ordinal) && a.Segment == 0).Id;

        var original = IdOf("013-");
        Assert.Null(articles.Single(a => a.Id == original).DuplicateOfId);
        foreach (var copy in new[] { "014-", "016-", "019-" })
        {
            var article = articles.Single(a => a.Id == IdOf(copy));
            Assert.Equal(original, article.DuplicateOfId);
            Assert.Equal(articles.Single(a => a.Id == original).StoryId, article.StoryId);
        }

        var football = articles.Single(a => a.Id == IdOf("041-"));
        Assert.False(football.OnTopic);
        Assert.Null(football.StoryId);
        Assert.Contains(football.RelevanceReasons, r => r.Contains("sport", StringComparison.OrdinalIgnoreCase));
        var others = articles.Where(a => a.Id != football.Id).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, a => Assert.True(a.OnTopic, a.Title));
    }
}

public sealed class StoryEditReplayTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>
{
    [Fact]
    public async Task A_split_and_a_merge_survive_new_articles_and_reclustering()
    {
        var samples = Path.Combine(ScraperFixture.RepoRoot, "samples", "capture");
        var files = Directory.GetFiles(samples, "*.html").Order().ToList();
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [.. files.Take(30)], null, false, false, CancellationToken.None));

        long splitStory, movedArticle, from, into;
        List<long> leftBehind;
        await using (var db = scraper.CreateContext())
        {
            var story = await db.Stories.Where(s => s.ArticleCount >= 2).OrderBy(s => s.Id).FirstAsync();
            var members = await db.Articles.Where(a => a.StoryId == story.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            (movedArticle, leftBehind) = (members[^1], members[..^1]);
            splitStory = await KazakhUnrest.Core.Stories.StoryEditing.SplitAsync(db, story.Id, [movedArticle], new("test", "test", null), CancellationToken.None);
            var pair = await db.Stories.Where(s => s.ArticleCount >= 1 && s.Id != story.Id && s.Id != splitStory && s.MergedIntoId == null)
                .OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
            (from, into) = (pair[0], pair[1]);
            await KazakhUnrest.Core.Stories.StoryEditing.MergeAsync(db, from, into, new("test", "test", null), CancellationToken.None);
        }

        Assert.True(splitStory >= KazakhUnrest.Core.Stories.StoryEditing.FirstEditorStoryId);
        // New articles arrive and are filed by the same process, then everything is filed again.
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [.. files.Skip(30)], null, false, false, CancellationToken.None));
        await scraper.Services.GetRequiredService<StoriesStep>().ReclusterAsync(CancellationToken.None);

        await using var check = scraper.CreateContext();
        var moved = await check.Articles.SingleAsync(a => a.Id == movedArticle);
        Assert.Equal(splitStory, moved.StoryId);
        // The story the editor split off holds what the editor put in it, and nothing it was split from.
        Assert.False(await check.Articles.AnyAsync(a => a.StoryId == splitStory && leftBehind.Contains(a.Id)));
        Assert.Equal(1, await check.Articles.CountAsync(a => a.StoryId == splitStory));
        Assert.False(await check.Articles.AnyAsync(a => a.StoryId == from));
        Assert.Equal(into, (await check.Stories.SingleAsync(s => s.Id == from)).MergedIntoId);
    }

    [Fact]
    public async Task A_relevance_override_survives_refiling_and_reprocessing()
    {
        var file = Directory.GetFiles(Path.Combine(ScraperFixture.RepoRoot, "samples", "capture"), "044-*.html").Single();
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [file], null, false, false, CancellationToken.None));
        long id;
        await using (var db = scraper.CreateContext())
        {
            var article = await db.Articles.SingleAsync(a => a.Capture!.OriginDetail == Path.GetFileName(file));
            Assert.True(article.OnTopic);
            id = article.Id;
            await KazakhUnrest.Core.Stories.StoryEditing.SetRelevanceAsync(db, id, false, new("test", "test", null), CancellationToken.None);
        }

        var step = scraper.Services.GetRequiredService<StoriesStep>();
        await step.RunPendingAsync(CancellationToken.None);
        Assert.Equal(0, await ReprocessCommand.RunAsync(scraper.Services, CancellationToken.None));
        await step.ReclusterAsync(CancellationToken.None);

        await using var check = scraper.CreateContext();
        var after = await check.Articles.SingleAsync(a => a.Id == id);
        Assert.False(after.OnTopic);
        Assert.False(after.RelevanceOverride);
        Assert.Null(after.StoryId);
        Assert.True(after.RelevanceScore > 0.5, "the score still says on-topic; the editor's word wins");
    }
}
