using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// 30 articles over 3–7 January, 25 of them naming Tokayev; a story of three of them; a timeline entry on 5 January
/// citing two. Each test uses its own tags, so the tests share the data.
/// </summary>
public sealed class TagSiteFixture : SiteFixture
{
    public const string Actor = "kassym-jomart-tokayev";
    public static readonly DateTimeOffset Jan3 = new(2022, 1, 3, 8, 0, 0, TimeSpan.Zero);

    public List<long> ActorArticles { get; } = [];
    public List<long> OtherArticles { get; } = [];
    public long StoryId { get; } = 900;
    public List<long> StoryArticles { get; } = [];
    public List<long> DayArticles { get; } = [];

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateContext();
        var outlet = await TestData.OutletAsync(db, "tag-wire", "Tag Wire");
        await TestData.EntityAsync(db, Actor, EntityKind.Person, "Kassym-Jomart Tokayev", "KZ", "Tokayev");
        var articles = new List<Article>();
        for (var i = 0; i < 30; i++)
        {
            var named = i < 25;
            var article = await TestData.ArticleAsync(db, outlet, $"Report {i:00} {(named ? "Tokayev speaks" : "prices rise")}", Jan3.AddHours(i * 4),
                named ? $"Tokayev spoke on day {i}." : $"Gas prices rose on day {i}.");
            if (named)
            {
                await TestData.MentionsAsync(db, article, (Actor, 1));
                ActorArticles.Add(article.Id);
            }
            else
            {
                OtherArticles.Add(article.Id);
            }

            articles.Add(article);
        }

        await TestData.StoryAsync(db, StoryId, articles[25], articles[26], articles[27]);
        StoryArticles.AddRange(articles[25..28].Select(a => a.Id));
        await TestData.TimelineEntryAsync(db, "statement", "Tokayev speaks", [Actor], [],
            (articles[1], new DateOnly(2022, 1, 5), "Tokayev spoke on day 1."), (articles[2], new DateOnly(2022, 1, 5), "Tokayev spoke on day 2."));
        DayArticles.AddRange([articles[1].Id, articles[2].Id]);
    }
}

public sealed class TagTests(TagSiteFixture site) : IClassFixture<TagSiteFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Editors_create_rename_describe_and_retire_tags_through_the_api_with_problem_answers()
    {
        using var api = await ApiAsync(Role.Editor);
        var created = await api.PostAsJsonAsync("/api/tags", new { name = "Death toll", description = "Counts of the dead" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/tags/death-toll", created.Headers.Location?.ToString());

        await AssertProblemAsync(HttpStatusCode.Conflict, await api.PostAsJsonAsync("/api/tags", new { name = "death TOLL" }));
        await AssertProblemAsync(HttpStatusCode.Conflict, await api.PostAsJsonAsync("/api/tags", new { name = "Other", slug = "death-toll" }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsJsonAsync("/api/tags", new { name = "  " }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsJsonAsync("/api/tags", new { name = "X", slug = "Not A Slug" }));
        await AssertProblemAsync(HttpStatusCode.NotFound, await api.PatchAsJsonAsync("/api/tags/no-such-tag", new { name = "Y" }));
        await AssertProblemAsync(HttpStatusCode.NotFound, await api.GetAsync("/api/tags/no-such-tag"));

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/tags", new { name = "Casualties" })).StatusCode);
        await AssertProblemAsync(HttpStatusCode.Conflict, await api.PatchAsJsonAsync("/api/tags/casualties", new { name = "Death toll" }));

        var renamed = await api.PatchAsJsonAsync("/api/tags/death-toll", new { name = "Deaths", description = "Reported deaths", reason = "shorter" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var retired = await api.PutAsJsonAsync("/api/tags/casualties", new { retired = true });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/tags");
        var deaths = list.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "death-toll");
        Assert.Equal("Deaths", deaths.GetProperty("name").GetString());
        Assert.Equal("Reported deaths", deaths.GetProperty("description").GetString());
        Assert.True(list.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "casualties").GetProperty("retired").GetBoolean());

        await using var db = site.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.ObjectType == "tag" && (a.ObjectId == "death-toll" || a.ObjectId == "casualties"))
            .OrderBy(a => a.Id).Select(a => a.Kind + " " + a.ObjectId).ToListAsync();
        Assert.Equal(["tag.create death-toll", "tag.create casualties", "tag.update death-toll", "tag.retire casualties"], audit);
        var update = await db.AuditEntries.SingleAsync(a => a.Kind == "tag.update" && a.ObjectId == "death-toll");
        Assert.Contains("Death toll", update.Before);
        Assert.Contains("Deaths", update.After);
        Assert.Equal("shorter", update.Reason);

        // A retired tag stays where it is but takes no new article.
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsJsonAsync("/api/tags/casualties/articles", new { articleIds = new[] { site.ActorArticles[0] } }));
    }

    [Fact]
    public async Task The_slug_of_the_editing_page_is_never_given_to_a_tag()
    {
        using var api = await ApiAsync(Role.Editor);
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsJsonAsync("/api/tags", new { name = "Edits", slug = "edit" }));
        var named = await api.PostAsJsonAsync("/api/tags", new { name = "Edit" });
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal("/api/tags/edit-tag", named.Headers.Location?.ToString());

        await using var db = site.CreateContext();
        Assert.False(await db.Tags.AnyAsync(t => t.Slug == "edit"));
        // The tag's page opens, where a tag at /tags/edit would have been hidden by the editing page.
        using var reader = site.CreateClient();
        Assert.Contains("<h1>Tag: Edit ", await reader.GetStringAsync("/tags/edit-tag"));
    }

    [Fact]
    public async Task Anonymous_callers_and_readers_change_nothing_through_the_api_or_the_pages()
    {
        using var anonymous = SiteAccounts.Client(site.BaseAddress);
        using var reader = await ApiAsync(Role.Reader);
        using var editor = await ApiAsync(Role.Editor);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/tags", new { name = "Guarded" })).StatusCode);
        var before = await StateAsync();

        foreach (var (client, status) in new[] { (anonymous, HttpStatusCode.Unauthorized), (reader, HttpStatusCode.Forbidden) })
        {
            await AssertProblemAsync(status, await client.PostAsJsonAsync("/api/tags", new { name = "Sneaky" }));
            await AssertProblemAsync(status, await client.PatchAsJsonAsync("/api/tags/guarded", new { name = "Renamed" }));
            await AssertProblemAsync(status, await client.PostAsJsonAsync("/api/tags/guarded/articles", new { articleIds = site.ActorArticles }));
            await AssertProblemAsync(status, await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/tags/guarded/articles")
            {
                Content = JsonContent.Create(new { articleIds = site.ActorArticles }),
            }));
            await AssertProblemAsync(status, await client.PostAsJsonAsync("/api/tags/guarded/stories", new { storyIds = new[] { site.StoryId } }));
        }

        // The site's forms: a stranger is sent to sign in, a reader refused, an editor without the antiforgery token refused.
        var stranger = await anonymous.PostFormAsync("/tags/edit?handler=Create", await anonymous.AntiforgeryTokenAsync("/accounts/sign-in"), ("Name", "Sneaky"));
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Contains("/accounts/sign-in", stranger.Headers.Location?.ToString());
        using var readerPages = await site.SignedInClientAsync(await site.AccountAsync(Role.Reader));
        var refused = await readerPages.PostFormAsync("/tags/edit", await readerPages.AntiforgeryTokenAsync("/accounts/password"),
            ("Apply", "guarded"), ("Operation", "add"), ("Ids", site.ActorArticles[0].ToString()));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/accounts/access-denied", refused.Headers.Location?.ToString());
        using var editorPages = await site.SignedInClientAsync(await site.AccountAsync(Role.Editor));
        var forged = await editorPages.PostFormAsync("/tags/edit", null, ("Apply", "guarded"), ("Operation", "add"), ("Ids", site.ActorArticles[0].ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await StateAsync());

        // And nothing of the editing forms reaches a reader's page.
        var page = await readerPages.GetStringAsync("/articles");
        Assert.DoesNotContain("bulk-tag", page);
        Assert.DoesNotContain("type=\"checkbox\"", page);
        Assert.DoesNotContain("tag-create", await anonymous.GetStringAsync("/tags"));

        var allowed = await editorPages.PostFormAsync("/tags/edit?handler=Create", await editorPages.AntiforgeryTokenAsync("/tags"), ("Name", "Made in the page"));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal("/tags/made-in-the-page", allowed.Headers.Location?.ToString());
        Assert.NotEqual(before, await StateAsync());
    }

    [Fact]
    public async Task Bulk_tagging_by_ids_is_idempotent_and_audited_once_per_action_with_its_count()
    {
        using var api = await ApiAsync(Role.Editor);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/tags", new { name = "Shutdown" })).StatusCode);
        var first = site.ActorArticles.Take(10).ToList();
        Assert.Equal((10, 10), await ResultAsync(await api.PostAsJsonAsync("/api/tags/shutdown/articles", new { articleIds = first, reason = "internet cut" })));
        // Five already tagged, five new: only the new ones count and are named.
        var second = site.ActorArticles.Skip(5).Take(10).ToList();
        Assert.Equal((10, 5), await ResultAsync(await api.PostAsJsonAsync("/api/tags/shutdown/articles", new { articleIds = second })));
        Assert.Equal((10, 0), await ResultAsync(await api.PostAsJsonAsync("/api/tags/shutdown/articles", new { articleIds = second })));
        var removed = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/tags/shutdown/articles")
        {
            Content = JsonContent.Create(new { articleIds = site.ActorArticles.Take(3).Append(site.OtherArticles[0]).ToList() }),
        });
        Assert.Equal((4, 3), await ResultAsync(removed));

        await using var db = site.CreateContext();
        Assert.Equal(site.ActorArticles.Skip(3).Take(12).Order(), await db.ArticleTags.Where(t => t.Tag.Slug == "shutdown").Select(t => t.ArticleId).OrderBy(id => id).ToListAsync());
        var audit = await db.AuditEntries.Where(a => a.ObjectId == "shutdown" && a.Kind.StartsWith("tag.bulk")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["tag.bulk-add 10", "tag.bulk-add 5", "tag.bulk-remove 3"], audit.Select(a => $"{a.Kind} {a.Count}"));
        Assert.Equal(first.Order(), audit[0].ArticleIds);
        Assert.Equal(site.ActorArticles.Skip(10).Take(5).Order(), audit[1].ArticleIds);
        Assert.Equal("internet cut", audit[0].Reason);
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Kind == "article.tag"));

        // One article from its page: audited on the article.
        using var pages = await site.SignedInClientAsync(await site.AccountAsync(Role.Editor));
        var one = site.OtherArticles[1];
        var posted = await pages.PostFormAsync("/tags/edit", await pages.AntiforgeryTokenAsync($"/articles/{one}"),
            ("Apply", "shutdown"), ("Operation", "add"), ("Ids", one.ToString()), ("ReturnUrl", $"/articles/{one}"));
        Assert.Equal($"/articles/{one}", posted.Headers.Location?.ToString());
        var article = await pages.GetStringAsync($"/articles/{one}");
        Assert.Contains("Tagged 1 article", article);
        Assert.Contains("href=\"/tags/shutdown\"", article);
        await using var check = site.CreateContext();
        var single = await check.AuditEntries.SingleAsync(a => a.Kind == "article.tag");
        Assert.Equal(("article", one.ToString(), 1), (single.ObjectType, single.ObjectId, single.Count));
    }

    [Fact]
    public async Task All_matching_an_actor_filter_is_recomputed_by_the_server_not_taken_from_the_browser()
    {
        using var api = await ApiAsync(Role.Editor);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/tags", new { name = "Speeches" })).StatusCode);
        using var pages = await site.SignedInClientAsync(await site.AccountAsync(Role.Editor));
        var list = $"/articles?topic=all&actor={TagSiteFixture.Actor}";
        var html = await pages.GetStringAsync(list);
        Assert.Contains("all 25 matching this filter", html);
        Assert.Contains("form=\"bulk-tag\"", html);

        // "All matching" with forged ids of articles the filter does not match: the ids are ignored.
        var posted = await pages.PostFormAsync("/tags/edit", await pages.AntiforgeryTokenAsync(list),
            ("Apply", "speeches"), ("Operation", "add"), ("All", "true"), ("Ids", site.OtherArticles[0].ToString()),
            ("Selection.List", "articles"), ("Selection.Topic", "all"), ("Selection.Actor", TagSiteFixture.Actor), ("ReturnUrl", list));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Tagged 25 articles", await pages.GetStringAsync(list));

        await using var db = site.CreateContext();
        Assert.Equal(site.ActorArticles.Order(), await db.ArticleTags.Where(t => t.Tag.Slug == "speeches").Select(t => t.ArticleId).OrderBy(id => id).ToListAsync());
        var entry = await db.AuditEntries.SingleAsync(a => a.ObjectId == "speeches" && a.Kind == "tag.bulk-add");
        Assert.Equal(25, entry.Count);
        Assert.Contains(TagSiteFixture.Actor, entry.After);

        // The same through the API, to remove: the filter, not ids.
        var removed = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/tags/speeches/articles")
        {
            Content = JsonContent.Create(new { filter = new { list = "articles", topic = "all", actor = TagSiteFixture.Actor, tag = "speeches" } }),
        });
        Assert.Equal((25, 25), await ResultAsync(removed));
        await AssertProblemAsync(HttpStatusCode.BadRequest, await api.PostAsJsonAsync("/api/tags/speeches/articles",
            new { articleIds = new[] { 1L }, filter = new { actor = TagSiteFixture.Actor } }));
    }

    [Fact]
    public async Task The_story_page_and_a_timeline_day_tag_their_articles_and_the_tag_filters_all_three_lists()
    {
        using var api = await ApiAsync(Role.Editor);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/tags", new { name = "Almaty airport" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/tags", new { name = "Unrelated" })).StatusCode);
        using var pages = await site.SignedInClientAsync(await site.AccountAsync(Role.Editor));

        var story = $"/stories/{site.StoryId}";
        var storyPage = await pages.GetStringAsync(story);
        Assert.Contains("all 3 matching this filter", storyPage);
        await pages.PostFormAsync("/tags/edit", await pages.AntiforgeryTokenAsync(story), ("Apply", "almaty-airport"), ("Operation", "add"), ("All", "true"),
            ("Selection.List", "story"), ("Selection.Story", site.StoryId.ToString()), ("ReturnUrl", story));
        var storyTag = await pages.PostFormAsync("/tags/edit?handler=Story", await pages.AntiforgeryTokenAsync(story), ("Apply", "unrelated"),
            ("Operation", "add"), ("StoryId", site.StoryId.ToString()), ("ReturnUrl", story));
        Assert.Equal(story, storyTag.Headers.Location?.ToString());

        var day = "/timeline?day=2022-01-05";
        Assert.Contains("all 2 matching this filter", await pages.GetStringAsync(day));
        await pages.PostFormAsync("/tags/edit", await pages.AntiforgeryTokenAsync(day), ("Apply", "almaty-airport"), ("Operation", "add"), ("All", "true"),
            ("Selection.List", "day"), ("Selection.Day", "2022-01-05"), ("ReturnUrl", day));

        await using (var db = site.CreateContext())
        {
            Assert.Equal(site.StoryArticles.Concat(site.DayArticles).Order(),
                await db.ArticleTags.Where(t => t.Tag.Slug == "almaty-airport").Select(t => t.ArticleId).OrderBy(id => id).ToListAsync());
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Kind == "story.tag" && a.ObjectId == site.StoryId.ToString()));
        }

        // A reader sees the tags and filters by them.
        using var reader = site.CreateClient();
        var articles = await reader.GetStringAsync("/articles?topic=all&tag=almaty-airport");
        Assert.Equal(5, CountOf(articles, "class=\"article-link\""));
        Assert.Contains("href=\"/tags/almaty-airport\"", articles);
        var stories = await reader.GetStringAsync("/stories?tag=unrelated");
        Assert.Equal(1, CountOf(stories, "class=\"story-link\""));
        Assert.Contains("href=\"/tags/unrelated\"", stories);
        Assert.Contains("href=\"/tags/unrelated\"", await reader.GetStringAsync(story));
        Assert.Equal(0, CountOf(await reader.GetStringAsync("/stories?tag=no-such-tag"), "class=\"story-link\""));
        var timeline = await reader.GetStringAsync("/timeline?tag=almaty-airport");
        Assert.Contains("Tokayev speaks", timeline);
        Assert.DoesNotContain("Tokayev speaks", await reader.GetStringAsync("/timeline?tag=unrelated"));
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/articles?tag=Not%20a%20slug")).StatusCode);

        // The tag's page: its articles and a count by day.
        var tagPage = await reader.GetStringAsync("/tags/almaty-airport");
        Assert.Equal(5, CountOf(tagPage, "class=\"article-link\""));
        Assert.Contains("data-day=\"2022-01-03\"", tagPage);
        var detail = await reader.GetFromJsonAsync<JsonElement>("/api/tags/almaty-airport");
        var byDay = detail.GetProperty("byDay").EnumerateArray().Select(d => $"{d.GetProperty("date").GetString()}:{d.GetProperty("articles").GetInt32()}").ToList();
        Assert.Equal(ExpectedDays(site.StoryArticles.Concat(site.DayArticles)), byDay);
        Assert.Equal(5, detail.GetProperty("articles").GetArrayLength());
        Assert.Equal(0, detail.GetProperty("tag").GetProperty("stories").GetInt32());
        Assert.Equal(1, await StoryCountAsync("unrelated"));
        Assert.Contains("href=\"/tags/almaty-airport\"", await reader.GetStringAsync("/tags"));
    }

    [Fact]
    public async Task An_editor_in_chromium_tags_twenty_articles_of_an_actor_and_finds_them_on_the_tag_page()
    {
        using var api = await ApiAsync(Role.Editor);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/tags", new { name = "Chromium pick" })).StatusCode);
        var email = await site.AccountAsync(Role.Editor);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(site.BaseAddress, "/accounts/sign-in").ToString());
            await page.FillAsync("input[name='Form.Email']", email);
            await page.FillAsync("input[name='Form.Password']", SiteAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForLoadStateAsync();
            // The cookie is Secure; Chromium keeps it over http on 127.0.0.1, a potentially trustworthy origin.
            Assert.Contains("Sign out", await page.ContentAsync());

            await page.GotoAsync(new Uri(site.BaseAddress, $"/articles?topic=all&actor={TagSiteFixture.Actor}").ToString());
            var boxes = page.Locator("input.select[form='bulk-tag']");
            Assert.Equal(25, await boxes.CountAsync());
            for (var i = 0; i < 20; i++)
            {
                await boxes.Nth(i).CheckAsync();
            }

            await page.SelectOptionAsync("form.bulk-tag select[name='Apply']", "chromium-pick");
            await page.Locator("form.bulk-tag button[value='add']").ClickAndWaitForUrlAsync(page, "**/articles?*");
            Assert.Contains("Tagged 20 articles", await page.Locator("p.status").InnerTextAsync());

            await page.GotoAsync(new Uri(site.BaseAddress, "/tags/chromium-pick").ToString());
            Assert.Equal(20, await page.Locator("a.article-link").CountAsync());
            Assert.Equal("20", (await page.Locator(".tag-count").InnerTextAsync()).Trim());
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("tag-page"), FullPage = true });
        }

        await using var db = site.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.ObjectId == "chromium-pick" && a.Kind == "tag.bulk-add");
        Assert.Equal(20, entry.Count);
        Assert.Equal(email, entry.ActorEmail);
        // The newest 20 of the list's first page.
        Assert.Equal(site.ActorArticles.OrderDescending().Take(20).Order(), entry.ArticleIds);
    }

    private async Task<int> StoryCountAsync(string slug)
    {
        await using var db = site.CreateContext();
        return await db.StoryTags.CountAsync(t => t.Tag.Slug == slug);
    }

    private List<string> ExpectedDays(IEnumerable<long> ids)
    {
        // Articles are four hours apart from 3 January 08:00, in the fixture's order.
        var all = site.ActorArticles.Concat(site.OtherArticles).Order().ToList();
        return [.. ids.Select(id => TagSiteFixture.Jan3.AddHours(all.IndexOf(id) * 4).ToString("yyyy-MM-dd"))
            .GroupBy(d => d).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}")];
    }

    private async Task<HttpClient> ApiAsync(string role)
    {
        var client = SiteAccounts.Client(site.BaseAddress);
        client.UseBearer(await site.TokenAsync(role));
        return client;
    }

    private async Task<string> StateAsync()
    {
        await using var db = site.CreateContext();
        return $"{await db.Tags.CountAsync()}|{string.Join(",", await db.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToListAsync())}"
            + $"|{await db.ArticleTags.CountAsync()}|{await db.StoryTags.CountAsync()}|{await db.AuditEntries.CountAsync()}";
    }

    private static async Task<(int Requested, int Changed)> ResultAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return (body.GetProperty("requested").GetInt32(), body.GetProperty("changed").GetInt32());
    }

    private static async Task AssertProblemAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.CompletedTask;
    }

    private static int CountOf(string html, string needle) => (html.Length - html.Replace(needle, "", StringComparison.Ordinal).Length) / needle.Length;
}
