using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// Editors' corrections of stories and articles on the seeds, through the site's forms (sign-in cookie and antiforgery
/// token) and the API (bearer token): each is audited, each survives reprocess, stories recluster and events rerun,
/// and a change made from an outdated form is refused with the current state.
/// </summary>
public sealed class StorySplitMergeTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Fact]
    public async Task The_CSTO_story_is_split_and_merged_back_through_its_pages_both_survive_the_reruns_and_the_audit_log_shows_both()
    {
        var email = await site.AccountAsync(Role.Editor);
        using var editor = await site.SignedInClientAsync(email);
        var (csto, moving) = await site.SeedStoryAsync("004", "003b");

        // Split from the story page itself: its tools carry the antiforgery token and the story's version.
        var page = await editor.GetStringAsync($"/stories/{csto}");
        Assert.Contains("Correct this story", page);
        var split = await editor.PostFormAsync($"/stories/{csto}/corrections?handler=Split", await editor.AntiforgeryTokenAsync($"/stories/{csto}"),
            ("ArticleIds", moving.ToString()), ("Reason", "003b reports the crackdown, not the deployment"), ("Version", SeedCorrections.VersionIn(page)));
        Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        var splitOff = long.Parse(split.Headers.Location!.OriginalString["/stories/".Length..]);
        Assert.True(splitOff >= StoryEditing.FirstEditorStoryId);

        await site.RerunEverythingAsync();
        Assert.Equal(splitOff, await site.FinalStoryAsync(moving));
        Assert.NotEqual(csto, await site.FinalStoryAsync(moving));

        // Merge back: choose the story on the corrections page, confirm with a reason.
        var confirm = await editor.GetStringAsync($"/stories/{splitOff}/corrections?into={csto}");
        Assert.Contains($"(story {csto},", confirm);
        var merge = await editor.PostFormAsync($"/stories/{splitOff}/corrections?handler=Merge", await editor.AntiforgeryTokenAsync($"/stories/{splitOff}/corrections"),
            ("Into", csto.ToString()), ("Reason", "it belongs with the deployment after all"), ("Version", SeedCorrections.VersionIn(confirm)));
        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        Assert.Equal($"/stories/{csto}", merge.Headers.Location!.OriginalString);

        await site.RerunEverythingAsync();
        Assert.Equal(csto, await site.FinalStoryAsync(moving));

        await using var db = site.CreateContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.ArticleIds.Contains(moving)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([CorrectionKinds.StorySplit, CorrectionKinds.StoryMerge], entries.Select(e => e.Kind));
        Assert.All(entries, e => Assert.Equal(email, e.ActorEmail));
        Assert.Equal((AuditObjects.Story, csto.ToString()), (entries[0].ObjectType, entries[0].ObjectId));
        Assert.Equal("003b reports the crackdown, not the deployment", entries[0].Reason);
        Assert.Equal(splitOff, SeedCorrections.Json(entries[0].After).GetProperty("newStory").GetProperty("newId").GetInt64());
        Assert.Equal((AuditObjects.Story, splitOff.ToString()), (entries[1].ObjectType, entries[1].ObjectId));
        Assert.Equal("it belongs with the deployment after all", entries[1].Reason);
        Assert.Equal(csto, SeedCorrections.Json(entries[1].After).GetProperty("from").GetProperty("mergedIntoId").GetInt64());
    }

}

/// <summary>Each class has a database of its own: a correction and the reruns after it change the stories the others start from.</summary>
public sealed class RelevanceCorrectionTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Fact]
    public async Task An_article_marked_off_topic_on_its_page_stays_off_topic_over_the_reruns_until_the_machine_decides_again()
    {
        var email = await site.AccountAsync(Role.Editor);
        using var editor = await site.SignedInClientAsync(email);
        var (_, article) = await site.SeedStoryAsync("002", "002");
        var page = await editor.GetStringAsync($"/articles/{article}");
        Assert.Contains("Correct this article", page);

        var response = await editor.PostFormAsync($"/articles/{article}/corrections?handler=Relevance", await editor.AntiforgeryTokenAsync($"/articles/{article}"),
            ("Topic", "off"), ("Reason", "an advertisement"), ("Version", SeedCorrections.VersionIn(page)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await site.RerunEverythingAsync();

        await using (var db = site.CreateContext())
        {
            var after = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == article);
            Assert.False(after.OnTopic);
            Assert.False(after.RelevanceOverride);
            Assert.Null(after.StoryId);
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.ObjectType == AuditObjects.Article && e.ObjectId == article.ToString());
            Assert.Equal((CorrectionKinds.ArticleRelevance, email, "an advertisement"), (entry.Kind, entry.ActorEmail, entry.Reason));
            Assert.Equal(JsonValueKind.Null, SeedCorrections.Json(entry.Before).GetProperty("relevanceOverride").ValueKind);
            Assert.Equal(JsonValueKind.False, SeedCorrections.Json(entry.After).GetProperty("relevanceOverride").ValueKind);
        }

        page = await editor.GetStringAsync($"/articles/{article}");
        Assert.Contains("set by an editor", page);
        response = await editor.PostFormAsync($"/articles/{article}/corrections?handler=Relevance", await editor.AntiforgeryTokenAsync($"/articles/{article}"),
            ("Topic", "machine"), ("Reason", "not an advertisement"), ("Version", SeedCorrections.VersionIn(page)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await site.RerunEverythingAsync();
        await using var check = site.CreateContext();
        var back = await check.Articles.AsNoTracking().SingleAsync(a => a.Id == article);
        Assert.Null(back.RelevanceOverride);
        Assert.True(back.OnTopic, "the machine's score makes it coverage again");
        Assert.NotNull(back.StoryId);
    }

}

public sealed class DateCorrectionTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Fact]
    public async Task A_corrected_publication_date_is_kept_beside_the_machines_shown_as_an_editors_and_used_everywhere_over_the_reruns()
    {
        var email = await site.AccountAsync(Role.Editor);
        using var editor = await site.SignedInClientAsync(email);
        var (_, article) = await site.SeedStoryAsync("004", "004");
        DateTimeOffset? machine;
        await using (var db = site.CreateContext())
        {
            machine = (await db.Articles.AsNoTracking().SingleAsync(a => a.Id == article)).MachinePublishedAt;
        }

        var corrected = new DateTimeOffset(2021, 12, 30, 8, 15, 0, TimeSpan.Zero);
        var page = await editor.GetStringAsync($"/articles/{article}");
        var response = await editor.PostFormAsync($"/articles/{article}/corrections?handler=Date", await editor.AntiforgeryTokenAsync($"/articles/{article}"),
            ("PublishedAt", "2021-12-30T08:15"), ("Reason", "the outlet's archive shows the 30th"), ("Version", SeedCorrections.VersionIn(page)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await site.RerunEverythingAsync();

        await using (var db = site.CreateContext())
        {
            var after = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == article);
            Assert.Equal(corrected, after.PublishedAt);
            Assert.Equal(corrected, after.PublishedAtByEditor);
            Assert.Equal(machine, after.MachinePublishedAt);
            Assert.Equal((email, "the outlet's archive shows the 30th"), (after.PublishedAtEditedBy, after.PublishedAtEditReason));
            // The story's first date follows the editor's date, also after the story step refiled everything.
            var story = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == after.StoryId);
            Assert.Equal(corrected, story.FirstPublishedAt);
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Kind == CorrectionKinds.ArticlePublished && e.ObjectId == article.ToString());
            Assert.Equal(JsonValueKind.Null, SeedCorrections.Json(entry.Before).GetProperty("publishedAtByEditor").ValueKind);
            Assert.Equal(corrected, SeedCorrections.Json(entry.After).GetProperty("publishedAtByEditor").GetDateTimeOffset());
        }

        // A reader sees the editor's date, marked as such, with the machine's beside it; the API and the lists use it too.
        using var reader = site.CreateClient();
        var shown = await reader.GetStringAsync($"/articles/{article}");
        Assert.Contains("2021-12-30 08:15 UTC", shown);
        Assert.Contains("set by an editor; the page says", shown);
        Assert.DoesNotContain(email, shown);
        Assert.DoesNotContain("Correct this article", shown);
        using var json = JsonDocument.Parse(await reader.GetStringAsync($"/api/articles/{article}"));
        Assert.Equal(corrected, json.RootElement.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Contains($"/articles/{article}\"", await reader.GetStringAsync("/articles?to=2021-12-31"));
    }

}

public sealed class ConcurrentCorrectionTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Fact]
    public async Task Two_editors_change_the_same_story_one_wins_the_other_sees_who_changed_it_and_the_log_has_only_the_change_made()
    {
        var first = await site.AccountAsync(Role.Editor);
        var second = await site.AccountAsync(Role.Editor);
        using var one = await site.SignedInClientAsync(first);
        using var two = await site.SignedInClientAsync(second);
        var (china, moving) = await site.SeedStoryAsync("000", "000");

        // Both sessions load the story before either changes it.
        var pageOne = await one.GetStringAsync($"/stories/{china}/corrections");
        var pageTwo = await two.GetStringAsync($"/stories/{china}/corrections");
        Assert.Equal(SeedCorrections.VersionIn(pageOne), SeedCorrections.VersionIn(pageTwo));

        var won = await one.PostFormAsync($"/stories/{china}/corrections?handler=Split", await one.AntiforgeryTokenAsync($"/stories/{china}/corrections"),
            ("ArticleIds", moving.ToString()), ("Reason", "first"), ("Version", SeedCorrections.VersionIn(pageOne)));
        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        var lost = await two.PostFormAsync($"/stories/{china}/corrections?handler=Split", await two.AntiforgeryTokenAsync($"/stories/{china}/corrections"),
            ("ArticleIds", moving.ToString()), ("Reason", "second"), ("Version", SeedCorrections.VersionIn(pageTwo)));
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var conflict = WebUtility.HtmlDecode(await lost.Content.ReadAsStringAsync());
        Assert.Contains($"this story was changed by {first} at ", conflict);
        Assert.Contains("while you were editing; here is its current state", conflict);
        Assert.Contains("Nothing was changed", conflict);

        // The API answers the same with 409 and the story as it is now.
        using var api = SiteAccounts.Client(site.BaseAddress);
        api.UseBearer(await site.TokenAsync(Role.Editor));
        var stale = await api.PostAsJsonAsync($"/api/stories/{china}/split", new { articleIds = new[] { moving }, reason = "third", version = int.Parse(SeedCorrections.VersionIn(pageTwo)) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal(first, problem.RootElement.GetProperty("changedBy").GetString());
        Assert.Equal(int.Parse(SeedCorrections.VersionIn(pageTwo)) + 1, problem.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(china, problem.RootElement.GetProperty("current").GetProperty("id").GetInt64());

        await using var db = site.CreateContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.ObjectType == AuditObjects.Story && e.ObjectId == china.ToString()).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal((CorrectionKinds.StorySplit, first, "first"), (entry.Kind, entry.ActorEmail, entry.Reason));
        Assert.Single(await db.StoryEdits.AsNoTracking().Where(e => e.StoryId == china && e.Kind == StoryEditKind.Split).ToListAsync());
    }

    [Fact]
    public async Task The_api_corrects_a_publication_date_with_a_bearer_token_and_refuses_a_stale_version_and_bad_dates_as_problems()
    {
        var (_, article) = await site.SeedStoryAsync("003b", "003b");
        using var api = SiteAccounts.Client(site.BaseAddress);
        api.UseBearer(await site.TokenAsync(Role.Editor));
        int version;
        await using (var db = site.CreateContext())
        {
            version = (await db.Articles.AsNoTracking().SingleAsync(a => a.Id == article)).EditVersion;
        }

        var set = await api.PostAsJsonAsync($"/api/articles/{article}/published", new { publishedAt = "2022-01-07T12:00:00Z", reason = "from the print edition", version });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var stale = await api.PostAsJsonAsync($"/api/articles/{article}/published", new { publishedAt = "2022-01-08T12:00:00Z", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var future = await api.PostAsJsonAsync($"/api/articles/{article}/published", new { publishedAt = "2199-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("application/problem+json", future.Content.Headers.ContentType?.MediaType);
        using var reader = SiteAccounts.Client(site.BaseAddress);
        reader.UseBearer(await site.TokenAsync(Role.Reader));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/articles/{article}/published", new { publishedAt = (string?)null })).StatusCode);

        await using (var db = site.CreateContext())
        {
            var after = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == article);
            Assert.Equal(new DateTimeOffset(2022, 1, 7, 12, 0, 0, TimeSpan.Zero), after.PublishedAt);
            Assert.Equal(version + 1, after.EditVersion);
            Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.Kind == CorrectionKinds.ArticlePublished && e.ObjectId == article.ToString()).ToListAsync());
        }

        // Cleared, the machine's date counts again.
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/articles/{article}/published", new { publishedAt = (string?)null, reason = "wrong edition" })).StatusCode);
        await using var check = site.CreateContext();
        var cleared = await check.Articles.AsNoTracking().SingleAsync(a => a.Id == article);
        Assert.Null(cleared.PublishedAtByEditor);
        Assert.Equal(cleared.MachinePublishedAt, cleared.PublishedAt);
    }

}

internal static partial class SeedCorrections
{
    /// <summary>The (current, merges followed) story of the seed segment <paramref name="storyOf"/> and the id of segment <paramref name="article"/>.</summary>
    public static async Task<(long Story, long Article)> SeedStoryAsync(this SeedSiteFixture site, string storyOf, string article)
    {
        await using var db = site.CreateContext();
        var ids = await SeedSegments.IdsAsync(db);
        var articleId = ids.Single(x => x.Value == article).Key;
        return (await site.FinalStoryAsync(ids.Single(x => x.Value == storyOf).Key), articleId);
    }

    public static async Task<long> FinalStoryAsync(this SeedSiteFixture site, long article)
    {
        await using var db = site.CreateContext();
        var story = (await db.Articles.AsNoTracking().SingleAsync(a => a.Id == article)).StoryId ?? throw new InvalidOperationException($"article {article} is in no story");
        while (await db.Stories.AsNoTracking().Where(s => s.Id == story).Select(s => s.MergedIntoId).SingleAsync() is { } into)
        {
            story = into;
        }

        return story;
    }

    /// <summary><c>reprocess</c> (from the kept captures), <c>stories recluster</c> and <c>events rerun</c>, as the command line runs them.</summary>
    public static async Task RerunEverythingAsync(this SeedSiteFixture site)
    {
        var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={site.ConnectionString}"]);
        builder.AddPipeline();
        using var scraper = builder.Build();
        Assert.Equal(0, await ReprocessCommand.RunFromAsync(scraper.Services, PipelineStep.Extract, CancellationToken.None));
        var pipeline = scraper.Services.GetRequiredService<ArticlePipeline>();
        await pipeline.RerunFromAsync(PipelineStep.Story, CancellationToken.None);
        await pipeline.RerunFromAsync(PipelineStep.Entities, CancellationToken.None);
    }

    /// <summary>An audit entry's before or after state (PostgreSQL's jsonb spaces and orders keys its own way).</summary>
    public static JsonElement Json(string? json)
    {
        using var document = JsonDocument.Parse(json ?? "null");
        return document.RootElement.Clone();
    }

    /// <summary>The version the page's correction forms carry.</summary>
    public static string VersionIn(string html) =>
        VersionField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no version field");

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
