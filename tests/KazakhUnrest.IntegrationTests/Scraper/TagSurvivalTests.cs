using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Tags;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>Tags on articles and on a story survive <c>reprocess</c>, <c>stories recluster</c> and <c>events rerun</c>.</summary>
public sealed class TagSurvivalTests(ScraperFixture scraper) : IClassFixture<ScraperFixture>
{
    [Fact]
    public async Task Article_and_story_tags_survive_reprocess_recluster_and_events_rerun()
    {
        var samples = Path.Combine(ScraperFixture.RepoRoot, "samples");
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Path.Combine(samples, "capture")], Path.Combine(samples, "outlets.json"),
            isSample: true, ifEmpty: false, CancellationToken.None));

        List<string> taggedUrls, storyUrls;
        await using (var db = scraper.CreateContext())
        {
            var articles = await db.Articles.OrderBy(a => a.Id).Take(3).ToListAsync();
            taggedUrls = [.. articles.Select(a => a.CanonicalUrl).Order(StringComparer.Ordinal)];
            var story = await db.Stories.Where(s => s.MergedIntoId == null && s.ArticleCount >= 2).OrderByDescending(s => s.ArticleCount).ThenBy(s => s.Id).FirstAsync();
            storyUrls = await StoryUrlsAsync(db, story.Id);
            var articleTag = await Tagging.CreateAsync(db, "Kept on articles", null, null, "test", "editor@test.example", CancellationToken.None);
            var storyTag = await Tagging.CreateAsync(db, "Kept on the story", null, null, "test", "editor@test.example", CancellationToken.None);
            Assert.Equal(3, (await Tagging.AddToArticlesAsync(db, articleTag, [.. articles.Select(a => a.Id)], new { ids = "test" }, "test",
                "editor@test.example", null, CancellationToken.None)).Changed);
            Assert.Equal(1, (await Tagging.AddToStoriesAsync(db, storyTag, [story.Id], "test", "editor@test.example", null, CancellationToken.None)).Changed);
        }

        await AssertKeptAsync("before");
        Assert.Equal(0, await ReprocessCommand.RunFromAsync(scraper.Services, PipelineStep.Extract, CancellationToken.None));
        await AssertKeptAsync("reprocess");
        await scraper.Services.GetRequiredService<StoriesStep>().ReclusterAsync(CancellationToken.None);
        await AssertKeptAsync("stories recluster");
        Assert.Equal(0, await ReprocessCommand.RunFromAsync(scraper.Services, PipelineStep.Entities, CancellationToken.None));
        await AssertKeptAsync("events rerun");

        async Task AssertKeptAsync(string after)
        {
            await using var db = scraper.CreateContext();
            var urls = await db.ArticleTags.Where(t => t.Tag.Slug == "kept-on-articles").Select(t => t.Article.CanonicalUrl).ToListAsync();
            Assert.True(taggedUrls.SequenceEqual(urls.Order(StringComparer.Ordinal)), $"article tags after {after}");
            var stories = await db.StoryTags.Where(t => t.Tag.Slug == "kept-on-the-story" && t.Article.StoryId != null)
                .Select(t => t.Article.StoryId!.Value).ToListAsync();
            var story = Assert.Single(stories);
            Assert.True(storyUrls.SequenceEqual(await StoryUrlsAsync(db, story)), $"the story tag is on the same story after {after}");
        }
    }

    private static async Task<List<string>> StoryUrlsAsync(KazakhDbContext db, long story) =>
        [.. (await db.Articles.Where(a => a.StoryId == story).Select(a => a.CanonicalUrl).ToListAsync()).Order(StringComparer.Ordinal)];
}
