using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class StoryPageTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Jan6 = new(2022, 1, 6, 6, 0, 0, TimeSpan.Zero);
    private long _wireId;
    private long _offTopicId;

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (await db.Stories.AnyAsync())
        {
            _wireId = await db.Articles.Where(a => a.Title == "Troops land in Almaty").Select(a => a.Id).SingleAsync();
            _offTopicId = await db.Articles.Where(a => a.Title == "Club signs winger").Select(a => a.Id).SingleAsync();
            return;
        }

        var wire = await TestData.OutletAsync(db, "steppe-wire", "Steppe Wire");
        var daily = await TestData.OutletAsync(db, "caspian-daily", "Caspian Daily");
        var herald = await TestData.OutletAsync(db, "northern-herald", "Northern Herald");
        var original = await TestData.ArticleAsync(db, wire, "Troops land in Almaty", Jan6, "The first units arrived on Thursday.");
        var copy = await TestData.ArticleAsync(db, daily, "Alliance troops arrive", Jan6.AddHours(2), "The first units arrived on Thursday.");
        copy.DuplicateOfId = original.Id;
        copy.DuplicateSimilarity = 0.94;
        var own = await TestData.ArticleAsync(db, herald, "Paratroopers lead deployment", Jan6.AddHours(5), "Russian paratroopers made up most of the force.");
        var offTopic = await TestData.ArticleAsync(db, daily, "Club signs winger", Jan6.AddHours(1), "A football transfer.");
        offTopic.OnTopic = false;
        await db.SaveChangesAsync();
        await TestData.StoryAsync(db, 1, original, copy, own, offTopic);

        var resign = await TestData.ArticleAsync(db, wire, "Government resigns", Jan6.AddDays(-1), "The cabinet resigned.");
        var resign2 = await TestData.ArticleAsync(db, herald, "Cabinet steps down", Jan6.AddDays(-1).AddHours(3),
            "The government stepped down. Alliance troops landed the next morning.");
        await TestData.StoryAsync(db, 2, resign, resign2);

        // The resignation story also tells of the landing: the two are related through that happening, not through "said".
        var day = DateOnly.FromDateTime(Jan6.UtcDateTime);
        await TestData.TimelineEntryAsync(db, "troops-deployed", "Troops land", [], [],
            (original, day, "The first units arrived on Thursday."), (resign2, day, "Alliance troops landed the next morning."));
        await TestData.TimelineEntryAsync(db, "statement", "The president spoke", [], [],
            (own, day, "Russian paratroopers made up most of the force."), (resign, day, "The cabinet resigned."));
        (_wireId, _offTopicId) = (original.Id, offTopic.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Story_list_orders_by_latest_or_by_coverage_and_filters_by_date()
    {
        using var client = site.CreateClient();
        using var latest = JsonDocument.Parse(await client.GetStringAsync("/api/stories"));
        var items = latest.RootElement.GetProperty("items");
        Assert.Equal([1L, 2L], items.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(3, items[0].GetProperty("outletCount").GetInt32());
        Assert.Equal(3, items[0].GetProperty("articleCount").GetInt32()); // the off-topic piece is not coverage

        using var filtered = JsonDocument.Parse(await client.GetStringAsync("/api/stories?to=2022-01-05"));
        Assert.Equal([2L], filtered.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        var html = await client.GetStringAsync("/stories?sort=most");
        Assert.Contains("Troops land in Almaty", html);
        Assert.Contains("3 outlets", html);
    }

    [Fact]
    public async Task A_story_links_to_the_stories_that_report_the_same_happenings()
    {
        using var client = site.CreateClient();
        using var related = JsonDocument.Parse(await client.GetStringAsync("/api/stories/2/related"));
        var story = Assert.Single(related.RootElement.EnumerateArray());
        Assert.Equal(1, story.GetProperty("id").GetInt64());
        var shared = Assert.Single(story.GetProperty("shared").EnumerateArray());
        Assert.Equal("troops-deployed", shared.GetProperty("kind").GetString());
        Assert.Equal("2022-01-06", shared.GetProperty("date").GetString());

        var html = await client.GetStringAsync("/stories/2");
        Assert.Contains("Related stories", html);
        Assert.Contains("<a href=\"/stories/1\">Troops land in Almaty</a>", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/stories/999999/related")).StatusCode);
    }

    [Fact]
    public async Task Story_page_groups_by_outlet_folds_copies_and_leaves_out_off_topic()
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/stories/1"));
        var outlets = json.RootElement.GetProperty("outlets").EnumerateArray().ToList();
        Assert.Equal(["Steppe Wire", "Northern Herald"], outlets.Select(o => o.GetProperty("outlet").GetString()));
        var wireArticle = outlets[0].GetProperty("articles")[0];
        Assert.Equal("Caspian Daily", wireArticle.GetProperty("alsoPublishedBy")[0].GetProperty("outlet").GetString());

        var html = await client.GetStringAsync("/stories/1");
        Assert.Contains("Also published by 1 other: Caspian Daily", html);
        Assert.DoesNotContain("Club signs winger", html);

        // Every outlet named with what it is: kind, country and language.
        Assert.Contains("<span class=\"badge outlet-kind\" title=\"Outlet kind\">Wire agency</span>", html);
        Assert.Contains("<span class=\"badge outlet-country\" title=\"Country\">GB</span>", html);
        Assert.Contains("<span class=\"badge outlet-language\" title=\"Language\">en</span>", html);
    }

    [Fact]
    public async Task An_outlet_nobody_described_is_marked_undescribed()
    {
        long articleId;
        await using (var db = site.CreateContext())
        {
            var outlet = await db.Outlets.SingleOrDefaultAsync(o => o.Slug == "unknown-site")
                ?? await TestData.OutletAsync(db, "unknown-site", "Unknown Site", OutletKind.Undescribed);
            (outlet.Country, outlet.Language) = (null, null);
            await db.SaveChangesAsync();
            articleId = await db.Articles.Where(a => a.OutletId == outlet.Id).Select(a => a.Id).FirstOrDefaultAsync() is var found and > 0
                ? found
                : (await TestData.ArticleAsync(db, outlet, "A report from nowhere", Jan6, "Something happened.")).Id;
        }

        using var client = site.CreateClient();
        Assert.Contains("undescribed outlet", await client.GetStringAsync($"/articles/{articleId}"));
    }

    [Fact]
    public async Task Editing_needs_an_editors_token()
    {
        using var client = site.CreateClient();
        var anonymous = await client.PostAsJsonAsync($"/api/articles/{_wireId}/relevance", new { onTopic = false });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        client.UseBearer("ku_wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/stories/2/merge", new { into = 1 })).StatusCode);
        client.UseBearer(await site.TokenAsync(Role.Reader));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/stories/2/merge", new { into = 1 })).StatusCode);
    }

    [Fact]
    public async Task An_editor_overrides_relevance_and_the_override_is_kept()
    {
        using var client = site.CreateClient();
        client.UseBearer(await site.TokenAsync(Role.Editor));
        var response = await client.PostAsJsonAsync($"/api/articles/{_offTopicId}/relevance", new { onTopic = true });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await using var db = site.CreateContext();
        var article = await db.Articles.SingleAsync(a => a.Id == _offTopicId);
        Assert.True(article.RelevanceOverride);
        Assert.True(article.OnTopic);
        Assert.Null(article.ClusteredAt); // the story step files it again

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/articles/{_offTopicId}/relevance", new { onTopic = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/articles/999999/relevance", new { onTopic = false })).StatusCode);
    }

    [Fact]
    public async Task Reader_opens_the_story_list_then_a_story_and_sees_outlets_and_folded_copies()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(site.BaseAddress, "/stories").ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Troops land in Almaty" }).ClickAndWaitForUrlAsync(page, "**/stories/1");
            var outlets = await page.Locator("section.outlet-coverage h3 > a").AllInnerTextsAsync();
            Assert.Equal(["Steppe Wire", "Northern Herald"], outlets);

            var copies = page.Locator("details.copies");
            Assert.Equal(1, await copies.CountAsync());
            Assert.False(await page.Locator("li.copy").First.IsVisibleAsync());
            await copies.Locator("summary").ClickAsync();
            Assert.True(await page.Locator("li.copy").First.IsVisibleAsync());
            Assert.Contains("Caspian Daily", await page.Locator("li.copy").First.InnerTextAsync());
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("story-page"), FullPage = true });
        }
    }
}

public sealed class StoryEditTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Merge_and_split_move_articles_update_counts_and_are_recorded()
    {
        long a1, a2, b1;
        await using (var db = site.CreateContext())
        {
            var outlet = await TestData.OutletAsync(db);
            var other = await TestData.OutletAsync(db, "other", "Other Outlet");
            var t = new DateTimeOffset(2022, 1, 8, 0, 0, 0, TimeSpan.Zero);
            var x1 = await TestData.ArticleAsync(db, outlet, "Massimov detained", t, "Detained.");
            var x2 = await TestData.ArticleAsync(db, other, "Former KNB chief arrested", t.AddHours(1), "Arrested.");
            var y1 = await TestData.ArticleAsync(db, other, "Ex-security chief held for treason", t.AddHours(2), "Held.");
            await TestData.StoryAsync(db, 10, x1, x2);
            await TestData.StoryAsync(db, 11, y1);
            (a1, a2, b1) = (x1.Id, x2.Id, y1.Id);
        }

        using var client = site.CreateClient();
        client.UseBearer(await site.TokenAsync(Role.Editor));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/stories/11/merge", new { into = 10, note = "same arrest" })).StatusCode);
        // The merged-away story redirects to the one kept.
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        Assert.Equal(HttpStatusCode.MovedPermanently, (await noRedirect.GetAsync("/stories/11")).StatusCode);

        var split = await client.PostAsJsonAsync("/api/stories/10/split", new { articleIds = new[] { b1 } });
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        var newId = (await split.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("storyId").GetInt64();

        await using var check = site.CreateContext();
        Assert.Equal(2, (await check.Stories.SingleAsync(s => s.Id == 10)).ArticleCount);
        var moved = await check.Articles.SingleAsync(a => a.Id == b1);
        Assert.Equal(newId, moved.StoryId);
        Assert.True(moved.StoryPinned);
        Assert.Equal([StoryEditKind.Merge, StoryEditKind.Split], await check.StoryEdits.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/stories/10/split", new { articleIds = new[] { a1, a2 } })).StatusCode);
    }
}
