using System.Net;
using System.Net.Http.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// Issue 13's walk through the site in Chromium: an editor tags, merges and reads the log; a reader afterwards sees no
/// editing control. Its own copy of the tag fixture, since it merges stories the tag tests count on.
/// </summary>
public sealed class EditorJourneyTests(TagSiteFixture site) : IClassFixture<TagSiteFixture>
{
    private const long MergedAway = 910;
    private const long Kept = 911;
    private const string Reason = "the same airport seizure";

    [Fact]
    public async Task An_editor_in_chromium_tags_merges_and_finds_both_in_the_audit_log_and_a_reader_then_sees_no_editing_control()
    {
        using (var api = SiteAccounts.Client(site.BaseAddress))
        {
            api.UseBearer(await site.TokenAsync(Role.Editor));
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/tags", new { name = "Journey" })).StatusCode);
        }

        await using (var db = site.CreateContext())
        {
            // Two one-article stories of their own, outside the fixture's story.
            var loose = await db.Articles.Where(a => a.StoryId == null && site.OtherArticles.Contains(a.Id)).OrderBy(a => a.Id).Take(2).ToListAsync();
            await TestData.StoryAsync(db, MergedAway, loose[0]);
            await TestData.StoryAsync(db, Kept, loose[1]);
        }

        var editor = await site.AccountAsync(Role.Editor);
        var reader = await site.AccountAsync(Role.Reader);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await SignInAsync(page, editor);

            // Bulk-tag 20 of the actor's articles from the filtered list.
            await page.GotoAsync(Url($"/articles?topic=all&actor={TagSiteFixture.Actor}"));
            var boxes = page.Locator("input.select[form='bulk-tag']");
            Assert.Equal(25, await boxes.CountAsync());
            for (var i = 0; i < 20; i++)
            {
                await boxes.Nth(i).CheckAsync();
            }

            await page.SelectOptionAsync("form.bulk-tag select[name='Apply']", "journey");
            await page.FillAsync("form.bulk-tag input[name='Reason']", "speeches of the week");
            await page.Locator("form.bulk-tag button[value='add']").ClickAndWaitForUrlAsync(page, "**/articles?*");
            Assert.Contains("Tagged 20 articles", await page.Locator("p.status").InnerTextAsync());

            await page.GotoAsync(Url("/tags/journey"));
            Assert.Equal(20, await page.Locator("a.article-link").CountAsync());

            // Merge one story into the other from the story's own tools, confirming with a reason.
            await page.GotoAsync(Url($"/stories/{MergedAway}"));
            await page.FillAsync("section.editor-tools input[name='into']", Kept.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Review the merge" }).ClickAndWaitForUrlAsync(page, $"**/stories/{MergedAway}/corrections?into={Kept}");
            await page.FillAsync("form.confirm input[name='Reason']", Reason);
            await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAndWaitForUrlAsync(page, $"**/stories/{Kept}");

            // The kept story's history shows the merge, though the entry is recorded on the story merged away.
            var history = page.Locator("section.history tr.audit-entry");
            Assert.Equal(1, await history.CountAsync());
            var merge = await history.InnerTextAsync();
            Assert.Contains("story.merge", merge);
            Assert.Contains(Reason, merge);
            Assert.Contains(editor, merge);

            await page.GetByRole(AriaRole.Link, new() { Name = "Audit log", Exact = true }).ClickAndWaitForUrlAsync(page, "**/audit");
            var entries = page.Locator("tr.audit-entry");
            var kinds = new List<string>();
            for (var i = 0; i < await entries.CountAsync(); i++)
            {
                kinds.Add((await entries.Nth(i).Locator("code").First.InnerTextAsync()).Trim());
            }

            // Newest first: the merge, then the bulk tag, then the tag's creation through the API.
            Assert.Equal(["story.merge", "tag.bulk-add", "tag.create"], kinds);
            Assert.Contains("20 objects", await entries.Nth(1).InnerTextAsync());
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("audit-log"), FullPage = true });

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.Contains("Sign in", await page.Locator("nav.account").InnerTextAsync());

            var tagged = site.ActorArticles.Max();
            string[] pages = [$"/articles?topic=all&actor={TagSiteFixture.Actor}", $"/stories/{Kept}", $"/articles/{tagged}", "/timeline", "/timeline?day=2022-01-05"];
            await AssertNoEditingControlsAsync(page, pages, signedIn: false);

            // A signed-in reader gets pages made for them, never cached: still nothing to edit with.
            await SignInAsync(page, reader);
            await AssertNoEditingControlsAsync(page, pages, signedIn: true);
        }

        await using var check = site.CreateContext();
        Assert.Equal(Kept, await check.Stories.Where(s => s.Id == MergedAway).Select(s => s.MergedIntoId).SingleAsync());
        Assert.Equal(20, await check.ArticleTags.CountAsync(t => t.Tag.Slug == "journey"));
        var logged = await check.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Kind, a.ObjectId, a.ActorEmail, a.Count, a.Reason }).ToListAsync();
        Assert.Equal(3, logged.Count);
        Assert.Equal(("tag.bulk-add", "journey", editor, 20), (logged[1].Kind, logged[1].ObjectId, logged[1].ActorEmail, logged[1].Count));
        Assert.Equal(("story.merge", MergedAway.ToString(), editor, Reason), (logged[2].Kind, logged[2].ObjectId, logged[2].ActorEmail, logged[2].Reason));
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(Url("/accounts/sign-in"));
        await page.FillAsync("input[name='Form.Email']", email);
        await page.FillAsync("input[name='Form.Password']", SiteAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("Sign out", await page.ContentAsync());
    }

    private async Task AssertNoEditingControlsAsync(IPage page, IEnumerable<string> paths, bool signedIn)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(Url(path));
            Assert.Equal(200, response?.Status);
            // Guard against a vacuous pass: the page shows what an editor would edit.
            Assert.True(await page.Locator("main a[href^='/articles/'], main a[href^='/timeline/entries/'], main a[href='/tags/journey']").CountAsync() > 0, path);
            Assert.Equal(0, await page.Locator("form[action*='/tags/edit'], form[action*='/corrections'], form[action*='/timeline/'], form[action*='/edit']").CountAsync());
            Assert.Equal(0, await page.Locator("input[type='checkbox'], [form='bulk-tag'], section.editor-tools, section.history").CountAsync());
            // The only form a reader may post is signing out.
            Assert.Equal(signedIn ? 1 : 0, await page.Locator("form[method='post' i]").CountAsync());
            Assert.Equal(0, await page.Locator("a[href^='/audit']").CountAsync());
            Assert.DoesNotContain("Audit log", await page.ContentAsync());
        }
    }

    private string Url(string path) => new Uri(site.BaseAddress, path).ToString();
}
