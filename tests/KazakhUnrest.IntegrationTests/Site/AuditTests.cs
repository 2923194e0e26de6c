using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>/audit, /api/audit and each object's history, over entries recorded as the editing code records them.</summary>
public sealed partial class AuditTests(AccountSiteFixture site) : IClassFixture<AccountSiteFixture>, IAsyncLifetime
{
    private const string Ana = "ana-audit@test.example";
    private const string Bo = "bo-audit@test.example";
    private static readonly DateTimeOffset March1 = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jan6 = new(2022, 1, 6, 6, 0, 0, TimeSpan.Zero);
    private long _article, _other, _story;

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (await db.AuditEntries.AnyAsync(e => e.ActorEmail == Ana))
        {
            (_article, _other, _story) = (await db.Articles.MinAsync(a => a.Id), await db.Articles.MaxAsync(a => a.Id), 1);
            return;
        }

        var wire = await TestData.OutletAsync(db, "audit-wire", "Audit Wire");
        var first = await TestData.ArticleAsync(db, wire, "Troops land in Almaty", Jan6, "The first units arrived on Thursday.");
        var second = await TestData.ArticleAsync(db, wire, "Alliance troops arrive", Jan6.AddHours(2), "Paratroopers made up most of the force.");
        await TestData.StoryAsync(db, 1, first, second);
        (_article, _other, _story) = (first.Id, second.Id, 1);

        // 30 tag renames by Ana over 30 days, 5 merges by Bo, one bulk tagging of both articles, one entry about the
        // first article alone whose before holds markup.
        for (var i = 0; i < 30; i++)
        {
            AuditLog.Record(db, "ana-id", Ana, "tag.rename", AuditObjects.Tag, $"tag-{i}", new { name = $"old {i}" }, new { name = $"new {i}" },
                $"rename {i}", at: March1.AddDays(i));
        }

        for (var i = 0; i < 5; i++)
        {
            AuditLog.Record(db, "bo-id", Bo, "story.merge", AuditObjects.Story, "1", new { story = 100 + i }, new { story = 1 }, "same event",
                at: March1.AddDays(i).AddHours(1));
        }

        AuditLog.Record(db, "ana-id", Ana, "tag.bulk-add", AuditObjects.Tag, "death-toll", null, new { added = 2 }, "toll reports", 2,
            [first.Id, second.Id], at: March1.AddDays(40));
        AuditLog.Record(db, "bo-id", Bo, "article.date", AuditObjects.Article, first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { publishedOn = "<script>alert(1)</script>", onTopic = true }, new { publishedOn = "2022-01-06", onTopic = true }, "printed date <b>wrong</b>",
            at: March1.AddDays(41));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_log_lists_newest_first_with_filters_and_pages()
    {
        using var editor = await site.SignedInClientAsync(await site.AccountAsync(Role.Editor));

        // The seeded entries all lie in 2021; the other tests of this class add some of today's.
        const string Seeded = "&to=2021-12-31";
        var first = await editor.GetStringAsync("/audit?to=2021-12-31");
        Assert.Equal(37, Total(first));
        var ids = AuditIds(first);
        Assert.Equal(25, ids.Count);
        var second = await editor.GetStringAsync("/audit?p=2" + Seeded);
        var all = ids.Concat(AuditIds(second)).ToList();
        Assert.Equal(37, all.Count);
        await using (var db = site.CreateContext())
        {
            var newestFirst = await db.AuditEntries.Where(e => e.At < Jan6).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id).ToListAsync();
            Assert.Equal(newestFirst, all);
        }

        Assert.Contains("href=\"/audit?p=2&amp;to=2021-12-31\"", first);
        Assert.Equal(30, Total(await editor.GetStringAsync("/audit?person=" + Uri.EscapeDataString(Ana) + "&kind=tag.rename")));
        Assert.Equal(5, Total(await editor.GetStringAsync("/audit?kind=story.merge")));
        Assert.Equal(31, Total(await editor.GetStringAsync("/audit?type=tag")));
        Assert.Equal(5, Total(await editor.GetStringAsync("/audit?type=story&object=1" + Seeded)));
        // The first article: its own entry and the bulk tagging that listed it.
        Assert.Equal(2, Total(await editor.GetStringAsync($"/audit?type=article&object={_article}")));
        Assert.Equal(1, Total(await editor.GetStringAsync($"/audit?type=article&object={_other}" + Seeded)));
        // Ten days of renames (1-10 March) and the merges of 1-5 March.
        Assert.Equal(15, Total(await editor.GetStringAsync("/audit?from=2021-03-01&to=2021-03-10")));
        var filteredPage2 = await editor.GetStringAsync("/audit?p=2&person=" + Uri.EscapeDataString(Ana));
        Assert.Equal(31, Total(filteredPage2));
        Assert.Equal(6, AuditIds(filteredPage2).Count);
        Assert.Contains("href=\"/audit?p=1&amp;person=ana-audit%40test.example\"", filteredPage2);

        // Before and after as text, as a diff of the changed fields only; the object linked to its page.
        var article = await editor.GetStringAsync($"/audit?type=article&object={_article}&kind=article.date");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", article);
        Assert.DoesNotContain("<script>alert", article);
        Assert.Contains("printed date &lt;b&gt;wrong&lt;/b&gt;", article);
        Assert.DoesNotContain("onTopic", article);
        Assert.Contains($"href=\"/articles/{_article}\"", article);
        var bulk = await editor.GetStringAsync("/audit?kind=tag.bulk-add");
        Assert.Contains("2 objects", bulk);
        Assert.Contains("href=\"/tags/death-toll\"", bulk);

        // The page's parameters are checked like every other page's.
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/audit?p=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/audit?p=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/audit?type=planet")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/audit?from=2021-13-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/audit?person=" + new string('a', 201))).StatusCode);
    }

    [Fact]
    public async Task The_api_has_the_same_filters_and_pages()
    {
        using var api = site.CreateClient();
        api.UseBearer(await site.TokenAsync(Role.Editor));
        var page = await api.GetFromJsonAsync<JsonElement>("/api/audit?page=2&person=" + Uri.EscapeDataString(Ana));
        Assert.Equal(31, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(6, page.GetProperty("entries").GetArrayLength());
        var bulk = await api.GetFromJsonAsync<JsonElement>($"/api/audit?type=article&object={_other}&to=2021-12-31");
        var entry = Assert.Single(bulk.GetProperty("entries").EnumerateArray());
        Assert.Equal("tag.bulk-add", entry.GetProperty("kind").GetString());
        Assert.Equal(2, entry.GetProperty("count").GetInt32());
        Assert.Equal([_article, _other], entry.GetProperty("articleIds").EnumerateArray().Select(a => a.GetInt64()).Order().ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/audit?type=planet")).StatusCode);
    }

    [Fact]
    public async Task Only_editors_and_admins_read_the_log_and_the_histories()
    {
        using var anonymous = SiteAccounts.Client(site.BaseAddress);
        var refused = await anonymous.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/accounts/sign-in", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/audit")).StatusCode);

        foreach (var role in Role.All)
        {
            using var cookie = await site.SignedInClientAsync(await site.AccountAsync(role));
            using var bearer = site.CreateClient();
            bearer.UseBearer(await site.TokenAsync(role));
            var page = await cookie.GetAsync("/audit");
            var api = await bearer.GetAsync("/api/audit");
            var articlePage = await cookie.GetStringAsync($"/articles/{_article}");
            if (role == Role.Reader)
            {
                Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
                Assert.StartsWith("/accounts/access-denied", page.Headers.Location!.PathAndQuery);
                Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
                Assert.DoesNotContain("id=\"history-title\"", articlePage);
                Assert.DoesNotContain("href=\"/audit\"", articlePage);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal(HttpStatusCode.OK, api.StatusCode);
                Assert.Contains("id=\"history-title\"", articlePage);
                Assert.Contains("href=\"/audit\"", articlePage);
            }

            // The API is for tokens: an editor's browser cookie alone reads nothing there.
            Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/audit")).StatusCode);
        }

        Assert.DoesNotContain("id=\"history-title\"", await anonymous.GetStringAsync($"/articles/{_article}"));
        Assert.DoesNotContain(Ana, await anonymous.GetStringAsync("/stories/1"));
    }

    [Fact]
    public async Task An_articles_history_shows_its_own_entries_and_the_bulk_actions_that_touched_it_after_a_change()
    {
        // A real change through the editing API, then the kind of entry an editor's correction records.
        using var api = site.CreateClient();
        api.UseBearer(await site.TokenAsync(Role.Editor));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/articles/{_other}/relevance", new { onTopic = false })).StatusCode);
        await using (var db = site.CreateContext())
        {
            Assert.False((await db.Articles.SingleAsync(a => a.Id == _other)).OnTopic);
            AuditLog.Record(db, "carl-id", "carl-audit@test.example", "article.relevance", AuditObjects.Article,
                _other.ToString(System.Globalization.CultureInfo.InvariantCulture), new { onTopic = true }, new { onTopic = false }, "about another country");
            await db.SaveChangesAsync();
        }

        using var editor = await site.SignedInClientAsync(await site.AccountAsync(Role.Editor));
        var page = await editor.GetStringAsync($"/articles/{_other}");
        var history = page[page.IndexOf("id=\"history-title\"", StringComparison.Ordinal)..];
        Assert.Contains("article.relevance", history);
        Assert.Contains("about another country", history);
        Assert.Contains("tag.bulk-add", history);
        Assert.DoesNotContain("article.date", history);
        Assert.Contains($"href=\"/audit?type=article&amp;object={_other}\"", history);

        // Exactly the entries the database holds for it (whatever else the editing code itself records).
        await using var check = site.CreateContext();
        var expected = await check.Database.SqlQuery<long>(
            $"SELECT id AS \"Value\" FROM audit_entries WHERE (object_type = 'article' AND object_id = {_other.ToString(System.Globalization.CultureInfo.InvariantCulture)}) OR article_ids @> ARRAY[{_other}]::bigint[] ORDER BY at DESC, id DESC")
            .ToListAsync();
        Assert.Equal(expected, AuditIds(history));

        // The story's page shows what was recorded for it.
        var story = await editor.GetStringAsync($"/stories/{_story}");
        var storyHistory = AuditIds(story[story.IndexOf("id=\"history-title\"", StringComparison.Ordinal)..]);
        Assert.Equal(await check.AuditEntries.CountAsync(e => e.ObjectType == AuditObjects.Story && e.ObjectId == "1"), storyHistory.Count);
        Assert.Contains("story.merge", story);
    }

    [Fact]
    public async Task An_articles_history_is_found_through_the_gin_index_operator()
    {
        await using var db = site.CreateContext();
        var sql = AuditQueries.ForObject(db.AuditEntries, AuditObjects.Article, "7").ToQueryString();
        Assert.Contains("<@ a.article_ids", sql);

        // The planner turns "{id} <@ article_ids" round to the index's "article_ids @> {id}" (forced here: the table is tiny).
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        var plan = await db.Database.SqlQuery<string>($"EXPLAIN SELECT id FROM audit_entries WHERE ARRAY[7]::bigint[] <@ article_ids").ToListAsync();
        Assert.Contains(plan, line => line.Contains("ix_audit_entries_article_ids", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_entry_and_the_site_has_no_way_to()
    {
        await using var db = site.CreateContext();
        var entry = AuditLog.Record(db, "dan-id", "dan@test.example", "story.split", AuditObjects.Story, "1", null, new { story = 2 }, "kept");
        await db.SaveChangesAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(e => e.SetProperty(x => x.Reason, "rewritten")));
        Assert.Contains("append-only", update.MessageText);
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync());
        Assert.Contains("append-only", delete.MessageText);
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_entries"));
        Assert.Contains("append-only", truncate.MessageText);
        // Through the change tracker too, as any page model would try it.
        entry.Reason = "rewritten";
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var fresh = site.CreateContext();
        Assert.Equal("kept", (await fresh.AuditEntries.SingleAsync(e => e.Id == entry.Id)).Reason);

        // No endpoint of the site under /audit or /api/audit takes anything but GET, and the page has no POST handler.
        var endpoints = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("audit", StringComparison.OrdinalIgnoreCase) == true
                || e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/audit", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is { } methods)
            {
                Assert.Equal(["GET"], methods.HttpMethods);
            }
        }

        Assert.DoesNotContain(typeof(KazakhUnrest.Web.Audit.IndexModel).GetMethods(), m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)
            || m.Name.StartsWith("OnPut", StringComparison.Ordinal) || m.Name.StartsWith("OnDelete", StringComparison.Ordinal));
    }

    private static int Total(string html) => int.Parse(TotalAttribute().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static List<long> AuditIds(string html) =>
        [.. AuditIdAttribute().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("data-total=\"(\\d+)\"")]
    private static partial Regex TotalAttribute();

    [GeneratedRegex("data-audit-id=\"(\\d+)\"")]
    private static partial Regex AuditIdAttribute();
}
