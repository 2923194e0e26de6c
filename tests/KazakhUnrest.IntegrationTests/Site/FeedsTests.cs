using System.Net;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Tags;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Sources;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// The Atom feeds of the stories, a story, the timeline, an outlet, an entity and a tag on the seeds: each page links its
/// feed for discovery, the scraper's strict Atom reader takes every feed back, entries keep their ids from poll to poll and
/// open their pages, a feed lists what its page lists, and a poll with the ETag gets 304.
/// </summary>
public sealed partial class FeedsTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Fact]
    public async Task Every_page_with_a_feed_links_it_and_the_feed_is_valid_atom_of_what_the_page_lists()
    {
        using var client = site.CreateClient();
        var (story, outlet, entity, tag, tagged) = await SeedAsync();
        var pages = new (string Page, string Feed, Func<IReadOnlyList<Uri>, Task> Lists)[]
        {
            ("/stories", "/stories/feed", async links => Assert.Equal(await StoryCountAsync(), links.Count)),
            ($"/stories/{story}", $"/stories/{story}/feed", async links => Assert.Equal(
                (await ArticleIdsAsync(a => a.StoryId == story && a.OnTopic)).Order(), Ids(links).Order())),
            ("/timeline", "/timeline/feed", async links => Assert.Equal(await TimelineKeysAsync(), links.Select(l => l.AbsolutePath).Order())),
            ($"/outlets/{outlet}", $"/outlets/{outlet}/feed", async links => Assert.Equal(
                (await ArticleIdsAsync(a => a.Outlet.Slug == outlet && a.OnTopic)).Order(), Ids(links).Order())),
            ($"/entities/{entity}", $"/entities/{entity}/feed", async links => Assert.Subset(
                (await EntityArticleIdsAsync(entity)).ToHashSet(), Ids(links).ToHashSet())),
            ($"/tags/{tag}", $"/tags/{tag}/feed", links => { Assert.Equal([tagged], Ids(links)); return Task.CompletedTask; }),
        };

        foreach (var (page, feedPath, lists) in pages)
        {
            var html = await client.GetStringAsync(page);
            var alternate = AlternateLink().Match(html);
            Assert.True(alternate.Success, $"{page} has no <link rel=\"alternate\"> to its feed");
            Assert.Equal(feedPath, System.Net.WebUtility.HtmlDecode(alternate.Groups["href"].Value));

            using var response = await client.GetAsync(feedPath);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            var feed = FeedParser.Parse(await response.Content.ReadAsByteArrayAsync(), new Uri(site.BaseAddress, feedPath), "utf-8", "application/atom+xml");
            Assert.Equal(("syndication", FeedFormat.Atom), (feed.ParsedBy, feed.Format));
            Assert.NotEmpty(feed.Items);
            Assert.Equal(feed.Items.Count, feed.Items.Select(i => i.Guid).Distinct().Count());
            await lists([.. feed.Items.Select(i => i.Link!)]);

            // Stable ids: the same entries under the same ids on the next poll.
            var again = FeedParser.Parse(await client.GetByteArrayAsync(feedPath), new Uri(site.BaseAddress, feedPath), "utf-8", "application/atom+xml");
            Assert.Equal(feed.Items.Select(i => i.Guid), again.Items.Select(i => i.Guid));

            using var opened = await client.GetAsync(feed.Items[0].Link);
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

            using var poll = new HttpRequestMessage(HttpMethod.Get, feedPath);
            poll.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var notModified = await client.SendAsync(poll);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    [Theory]
    [InlineData("/stories/987654321/feed")]
    [InlineData("/outlets/no-such-outlet/feed")]
    [InlineData("/entities/no-such-entity/feed")]
    [InlineData("/tags/no-such-tag/feed")]
    public async Task A_feed_of_nothing_known_is_404(string path)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(long Story, string Outlet, string Entity, string Tag, long Tagged)> SeedAsync()
    {
        await using var db = site.CreateContext();
        var article = await db.Articles.Include(a => a.Outlet).Where(a => a.StoryId != null && a.OnTopic).OrderBy(a => a.Id).FirstAsync();
        var entity = await db.ArticleEntities.Where(m => m.ArticleId == article.Id).OrderBy(m => m.EntityId).Select(m => m.EntityId).FirstAsync();
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Slug == "feed-check");
        if (tag is null)
        {
            tag = new Tag { Slug = "feed-check", Name = "Feed check", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            db.ArticleTags.Add(new ArticleTag { TagId = tag.Id, ArticleId = article.Id, AddedAt = DateTimeOffset.UtcNow, AddedBy = "feeds-test" });
            await db.SaveChangesAsync();
        }

        return (article.StoryId!.Value, article.Outlet.Slug, entity, tag.Slug, article.Id);
    }

    private async Task<int> StoryCountAsync()
    {
        await using var db = site.CreateContext();
        return await db.Stories.CountAsync(s => s.MergedIntoId == null && s.ArticleCount > 0);
    }

    private async Task<List<long>> ArticleIdsAsync(System.Linq.Expressions.Expression<Func<Core.Data.Article, bool>> filter)
    {
        await using var db = site.CreateContext();
        return await db.Articles.Where(filter).Select(a => a.Id).ToListAsync();
    }

    private async Task<List<long>> EntityArticleIdsAsync(string entity)
    {
        await using var db = site.CreateContext();
        return await db.Articles.Where(a => a.OnTopic && a.DuplicateOfId == null && db.ArticleEntities.Any(m => m.ArticleId == a.Id && m.EntityId == entity))
            .Select(a => a.Id).ToListAsync();
    }

    private async Task<List<string>> TimelineKeysAsync()
    {
        await using var db = site.CreateContext();
        var keys = await db.TimelineEntries.Where(t => t.Sources.Any(s => s.Article.OnTopic)).Select(t => t.Key).ToListAsync();
        return [.. keys.Select(k => new Uri(site.BaseAddress, $"/timeline/entries/{k}").AbsolutePath).Order()];
    }

    private static IEnumerable<long> Ids(IEnumerable<Uri> links) =>
        links.Select(l => long.Parse(l.Segments[^1], System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("<link rel=\"alternate\" type=\"application/atom\\+xml\"[^>]*\\bhref=\"(?<href>[^\"]+)\"")]
    private static partial Regex AlternateLink();
}
