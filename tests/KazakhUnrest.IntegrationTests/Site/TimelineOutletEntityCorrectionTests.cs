using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>The seeds imported by the scraper, and the site over them with sign-ins unthrottled.</summary>
public sealed class CorrectionsSiteFixture : SiteFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WithScraperAsync(services => ImportCommand.RunAsync(services, [Path.Combine(ScraperFixture.SharedCorpus, "seeds")], null, false, false, CancellationToken.None));
    }

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");

    public async Task WithScraperAsync(Func<IServiceProvider, Task> run)
    {
        var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={ConnectionString}"]);
        builder.AddPipeline();
        using var scraper = builder.Build();
        await run(scraper.Services);
    }

    /// <summary>`reprocess`, `stories recluster` and `events rerun`, one after the other.</summary>
    public Task RerunEverythingAsync() => WithScraperAsync(async services =>
    {
        Assert.Equal(0, await ReprocessCommand.RunAsync(services, CancellationToken.None));
        await services.GetRequiredService<StoriesStep>().ReclusterAsync(CancellationToken.None);
        await services.GetRequiredService<ArticlePipeline>().RerunFromAsync(PipelineStep.Entities, CancellationToken.None);
    });
}

/// <summary>
/// Issue 13, point 4 for the timeline, outlets and entities: each correction made through its page (cookie and
/// antiforgery token) and its API (bearer token), audited, refused to everyone else, and still in effect after
/// `reprocess`, `stories recluster` and `events rerun`.
/// </summary>
public sealed class TimelineOutletEntityCorrectionTests(CorrectionsSiteFixture site) : IClassFixture<CorrectionsSiteFixture>
{
    private async Task<HttpClient> EditorAsync() => await site.SignedInClientAsync(await site.AccountAsync(Role.Editor));

    private async Task<HttpClient> EditorApiAsync()
    {
        var client = SiteAccounts.Client(site.BaseAddress);
        client.UseBearer(await site.TokenAsync(Role.Editor));
        return client;
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string formPage, string action, params (string, string)[] fields) =>
        await client.PostFormAsync(action, await client.AntiforgeryTokenAsync(formPage), fields);

    private async Task<List<Core.Audit.AuditEntry>> AuditAsync(string objectId)
    {
        await using var db = site.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.ObjectId == objectId).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task A_milestone_is_pinned_in_the_page_edited_through_the_api_shown_to_readers_and_survives_every_rerun()
    {
        long articleId;
        string articleTitle;
        await using (var db = site.CreateContext())
        {
            var article = await db.Articles.OrderBy(a => a.Id).FirstAsync();
            (articleId, articleTitle) = (article.Id, article.Title);
        }

        using var editor = await EditorAsync();
        var pinned = await PostPageAsync(editor, "/timeline/milestones?day=2022-01-06", "/timeline/milestones?handler=Save",
            ("Day", "2022-01-06"), ("Title", "Internet shut down nationwide"), ("Note", "Most of the country offline."), ("Articles", $"{articleId}"),
            ("Reason", "widely reported"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.Redirect, pinned.StatusCode);
        long id;
        await using (var db = site.CreateContext())
        {
            var row = await db.TimelineMilestones.SingleAsync(m => m.Title == "Internet shut down nationwide");
            id = row.Id;
            Assert.Equal([articleId], row.ArticleIds);
        }

        using var reader = site.CreateClient();
        var day = await reader.GetStringAsync("/timeline?day=2022-01-06");
        Assert.Contains("Internet shut down nationwide", day);
        Assert.Contains("Editor's milestone", day);
        Assert.Contains($"href=\"/articles/{articleId}\"", day);
        Assert.DoesNotContain("/timeline/milestones", day);

        using var api = await EditorApiAsync();
        var current = await api.GetFromJsonAsync<JsonElement>("/api/timeline?day=2022-01-06");
        var version = current.GetProperty("days")[0].GetProperty("milestones")[0].GetProperty("version").GetUInt32();
        var edited = await api.PutAsJsonAsync($"/api/timeline/milestones/{id}", new
        {
            date = "2022-01-05",
            title = "Internet shut down nationwide",
            note = "From the evening of 5 January.",
            articleIds = new[] { articleId },
            version,
            reason = "the day was wrong",
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        // The same stale version again: refused with the milestone as it is now.
        var stale = await api.PutAsJsonAsync($"/api/timeline/milestones/{id}", new { date = "2022-01-07", title = "x", version, reason = "stale" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2022-01-05", problem.GetProperty("current").GetProperty("date").GetString());

        var audit = await AuditAsync($"milestone/{id}");
        Assert.Equal(["milestone.pin", "milestone.edit"], audit.Select(a => a.Kind));
        Assert.Equal("widely reported", audit[0].Reason);
        Assert.Equal("the day was wrong", audit[1].Reason);
        Assert.Contains("2022-01-06", audit[1].Before);

        await site.RerunEverythingAsync();
        var after = await reader.GetStringAsync("/timeline?day=2022-01-05");
        Assert.Contains("Internet shut down nationwide", after);
        Assert.Contains(articleTitle.Length > 20 ? WebUtility.HtmlEncode(articleTitle)[..10] : "", after);

        // Unpinned through the page with the current version.
        await using (var db = site.CreateContext())
        {
            version = await db.TimelineMilestones.Where(m => m.Id == id).Select(m => EF.Property<uint>(m, "xmin")).SingleAsync();
        }

        var unpinned = await PostPageAsync(editor, $"/timeline/milestones/{id}", $"/timeline/milestones/{id}?handler=Unpin",
            ("Version", $"{version}"), ("Day", "2022-01-05"), ("Reason", "duplicate of an entry"));
        Assert.Equal(HttpStatusCode.Redirect, unpinned.StatusCode);
        Assert.DoesNotContain("Internet shut down nationwide", await reader.GetStringAsync("/timeline?day=2022-01-05"));
        Assert.Equal("milestone.unpin", (await AuditAsync($"milestone/{id}")).Last().Kind);
    }

    [Fact]
    public async Task A_hidden_entry_stays_hidden_from_readers_after_the_timeline_is_rebuilt_and_can_be_shown_again()
    {
        string key;
        await using (var db = site.CreateContext())
        {
            key = await db.TimelineEntries.Where(t => t.Date == new DateOnly(2022, 1, 5) || t.Date == new DateOnly(2022, 1, 6))
                .OrderByDescending(t => t.SourceCount).ThenBy(t => t.Key).Select(t => t.Key).FirstAsync();
        }

        using var reader = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/timeline/entries/{key}")).StatusCode);

        using var editor = await EditorAsync();
        var hidden = await PostPageAsync(editor, $"/timeline/hide/{key}", $"/timeline/hide/{key}?handler=Hide", ("Reason", "two events mixed up"));
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);

        await site.RerunEverythingAsync();
        await using (var db = site.CreateContext())
        {
            Assert.True(await db.TimelineEntries.AnyAsync(t => t.Key == key), "the rebuild makes the same entry again");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/timeline/entries/{key}")).StatusCode);
        var api = await reader.GetStringAsync($"/api/timeline?day={key[..10]}");
        Assert.DoesNotContain($"\"{key}\"", api);
        var editorsView = await editor.GetStringAsync($"/timeline/entries/{key}");
        Assert.Contains("Hidden from readers", editorsView);

        // Hiding it twice is a conflict that says who hid it.
        using var tokenClient = await EditorApiAsync();
        var again = await tokenClient.PostAsJsonAsync("/api/timeline/entries/hide", new { key, reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var shown = await tokenClient.PostAsJsonAsync("/api/timeline/entries/unhide", new { key, reason = "it was right after all" });
        Assert.Equal(HttpStatusCode.NoContent, shown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/timeline/entries/{key}")).StatusCode);
        var audit = await AuditAsync(key);
        Assert.Equal(["timeline-entry.hide", "timeline-entry.unhide"], audit.Select(a => a.Kind));
        Assert.Equal("two events mixed up", audit[0].Reason);
    }

    [Fact]
    public async Task An_outlet_described_by_an_editor_keeps_the_description_over_the_outlets_file_and_a_stale_form_gets_a_conflict()
    {
        string slug;
        await using (var db = site.CreateContext())
        {
            slug = await db.Outlets.OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync();
        }

        using var editor = await EditorAsync();
        var formPage = $"/outlets/{slug}/edit";
        var token = await editor.AntiforgeryTokenAsync(formPage);
        var version = await VersionAsync(slug);
        var saved = await editor.PostFormAsync(formPage, token, ("Kind", "StateOwned"), ("Country", "kz"), ("Language", "ru"),
            ("Description", "Owned by the government."), ("Reason", "checked the registry"), ("Version", $"{version}"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A second editor's form, opened before the change, is refused with the outlet as it is now.
        var stale = await editor.PostFormAsync(formPage, token, ("Kind", "Independent"), ("Country", "RU"), ("Language", "en"),
            ("Description", "Something else."), ("Version", $"{version}"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Owned by the government.", page);
        Assert.Contains("changed since you opened it", page);

        using var api = await EditorApiAsync();
        var staleApi = await api.PutAsJsonAsync($"/api/outlets/{slug}", new { kind = "Independent", version, reason = "stale" });
        Assert.Equal(HttpStatusCode.Conflict, staleApi.StatusCode);
        Assert.Equal("StateOwned", (await staleApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("kind").GetString());
        var viaApi = await api.PutAsJsonAsync($"/api/outlets/{slug}", new
        {
            kind = "StateOwned",
            country = "KZ",
            language = "kk",
            description = "Owned by the government.",
            version = await VersionAsync(slug),
            reason = "broadcasts in Kazakh",
        });
        Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);

        // The outlets file says otherwise; only the homepage, which no editor set, is taken from it.
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new[]
        {
            new { name = "From the file", slug, homepage = "https://file.example/", country = "US", kind = "blog", language = "en", description = "The file's words." },
        }));
        await using (var db = site.CreateContext())
        {
            await OutletsFile.UpsertAsync(db, file, false, NullLogger.Instance, CancellationToken.None);
        }

        File.Delete(file);
        await site.RerunEverythingAsync();
        await using (var db = site.CreateContext())
        {
            var outlet = await db.Outlets.SingleAsync(o => o.Slug == slug);
            Assert.Equal((OutletKind.StateOwned, "KZ", "kk", "Owned by the government."), (outlet.Kind, outlet.Country, outlet.Language, outlet.Description));
            Assert.Equal("https://file.example/", outlet.Homepage);
            Assert.Equal(["country", "description", "kind", "language"], outlet.EditedFields);
        }

        using var reader = site.CreateClient();
        var details = await reader.GetStringAsync($"/outlets/{slug}");
        Assert.Contains("Owned by the government.", details);
        Assert.DoesNotContain("/edit", details);
        var audit = await AuditAsync(slug);
        Assert.Equal(["outlet.describe", "outlet.describe"], audit.Select(a => a.Kind));
        Assert.Equal(["checked the registry", "broadcasts in Kazakh"], audit.Select(a => a.Reason));
    }

    private async Task<uint> VersionAsync(string slug)
    {
        await using var db = site.CreateContext();
        return await db.Outlets.Where(o => o.Slug == slug).Select(o => EF.Property<uint>(o, "xmin")).SingleAsync();
    }

    [Fact]
    public async Task An_added_alias_links_articles_on_rerun_and_a_removed_gazetteer_alias_stays_removed()
    {
        // A word of a stored article that names no entity, given to an entity that article does not mention.
        long articleId;
        string word;
        await using (var db = site.CreateContext())
        {
            var article = await db.Articles.Where(a => a.OnTopic).OrderBy(a => a.Id).FirstAsync();
            articleId = article.Id;
            var known = await db.EntityAliases.Select(a => a.Name.ToLower()).ToListAsync();
            word = article.Text.Split([' ', ',', '.', '\n', '"', '(', ')', ';', ':'], StringSplitOptions.RemoveEmptyEntries)
                .First(w => w.Length >= 9 && w.All(char.IsAsciiLetterLower) && !known.Contains(w));
        }

        const string entity = "csto";
        await using (var db = site.CreateContext())
        {
            Assert.False(await db.ArticleEntities.AnyAsync(a => a.ArticleId == articleId && a.EntityId == entity));
            Assert.True(await db.EntityAliases.AnyAsync(a => a.EntityId == entity && a.AddedBy == null && !a.IsDescription));
        }

        using var editor = await EditorAsync();
        var added = await PostPageAsync(editor, $"/entities/{entity}/aliases", $"/entities/{entity}/aliases?handler=Add", ("Name", word), ("Reason", "a test name"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains($"Added “{word}”", await added.Content.ReadAsStringAsync());

        string removedName;
        await using (var db = site.CreateContext())
        {
            removedName = await db.EntityAliases.Where(a => a.EntityId == entity && a.AddedBy == null && !a.IsDescription).OrderBy(a => a.Name).Select(a => a.Name).FirstAsync();
        }

        using var api = await EditorApiAsync();
        var removed = await api.PostAsJsonAsync($"/api/entities/{entity}/aliases/remove", new { name = removedName, reason = "ambiguous" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var twice = await api.PostAsJsonAsync($"/api/entities/{entity}/aliases/remove", new { name = removedName, reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        await site.RerunEverythingAsync();
        await using (var db = site.CreateContext())
        {
            Assert.True(await db.ArticleEntities.AnyAsync(a => a.ArticleId == articleId && a.EntityId == entity), "the added name links the article");
            var row = await db.EntityAliases.SingleAsync(a => a.EntityId == entity && a.Name == removedName);
            Assert.NotNull(row.RemovedAt);
            var matcher = await DatabaseMatcher.LoadAsync(db, CancellationToken.None);
            Assert.DoesNotContain(matcher.Find($"Reports named {removedName} yesterday."), m => m.EntityId == entity && m.Surface == removedName);
            Assert.Contains(matcher.Find($"Reports named {word} yesterday."), m => m.EntityId == entity);
        }

        Assert.Equal(["entity.alias-add", "entity.alias-remove"], (await AuditAsync(entity)).Select(a => a.Kind));
    }

    [Fact]
    public async Task A_candidate_promoted_in_the_page_and_one_ignored_through_the_api_stay_decided_after_every_rerun()
    {
        long promote, ignore;
        await using (var db = site.CreateContext())
        {
            var article = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            var first = new EntityCandidate { Name = "Qairat Zhaksylykov", Kind = EntityKind.Person, Cue = "spokesman", Mentions = 3, FirstArticleId = article, FirstSeenAt = DateTimeOffset.UtcNow };
            var second = new EntityCandidate { Name = "Thursday Committee", Kind = EntityKind.Organisation, Cue = "Committee", Mentions = 2, FirstArticleId = article, FirstSeenAt = DateTimeOffset.UtcNow };
            db.EntityCandidates.AddRange(first, second);
            await db.SaveChangesAsync();
            (promote, ignore) = (first.Id, second.Id);
        }

        using var editor = await EditorAsync();
        var page = await editor.GetStringAsync("/entities/candidates");
        Assert.Contains("Qairat Zhaksylykov", page);
        var promoted = await PostPageAsync(editor, "/entities/candidates", $"/entities/candidates?handler=Promote&id={promote}",
            ("As", ""), ("Kind", "Person"), ("Reason", "a government spokesman"));
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        using var api = await EditorApiAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/entities/candidates/{ignore}/ignore", new { reason = "not a body" })).StatusCode);
        var late = await api.PostAsJsonAsync($"/api/entities/candidates/{promote}/ignore", new { reason = "too late" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Promoted", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("status").GetString());

        await site.RerunEverythingAsync();
        await using (var db = site.CreateContext())
        {
            Assert.Equal((CandidateStatus.Promoted, "qairat-zhaksylykov"), await db.EntityCandidates.Where(c => c.Id == promote).Select(c => new ValueTuple<CandidateStatus, string?>(c.Status, c.EntityId)).SingleAsync());
            Assert.Equal(CandidateStatus.Ignored, await db.EntityCandidates.Where(c => c.Id == ignore).Select(c => c.Status).SingleAsync());
            Assert.True(await db.Entities.AnyAsync(e => e.Id == "qairat-zhaksylykov" && e.Kind == EntityKind.Person));
        }

        Assert.Equal(["entity.candidate-promote"], (await AuditAsync("qairat-zhaksylykov")).Select(a => a.Kind));
        Assert.Equal(["entity.candidate-ignore"], (await AuditAsync($"candidate/{ignore}")).Select(a => a.Kind));
    }

    [Fact]
    public async Task Anonymous_readers_and_forms_without_their_token_change_nothing()
    {
        string key, slug;
        await using (var db = site.CreateContext())
        {
            key = await db.TimelineEntries.OrderBy(t => t.Key).Select(t => t.Key).FirstAsync();
            slug = await db.Outlets.OrderByDescending(o => o.Id).Select(o => o.Slug).FirstAsync();
        }

        (string Path, (string, string)[] Fields)[] pages =
        [
            ("/timeline/milestones?handler=Save", [("Day", "2022-01-09"), ("Title", "refused"), ("Version", "0")]),
            ($"/timeline/hide/{key}?handler=Hide", [("Reason", "refused")]),
            ($"/outlets/{slug}/edit", [("Kind", "Blog"), ("Description", "refused"), ("Version", "0")]),
            ("/entities/csto/aliases?handler=Add", [("Name", "refused name")]),
        ];
        (string Path, object Body)[] apis =
        [
            ("/api/timeline/milestones", new { date = "2022-01-09", title = "refused" }),
            ("/api/timeline/entries/hide", new { key }),
            ("/api/entities/csto/aliases", new { name = "refused name" }),
        ];
        var auditBefore = await AuditCountAsync();
        using var anonymous = SiteAccounts.Client(site.BaseAddress);
        using var reader = await site.SignedInClientAsync(await site.AccountAsync(Role.Reader));
        using var editor = await EditorAsync();
        using var readerToken = SiteAccounts.Client(site.BaseAddress);
        readerToken.UseBearer(await site.TokenAsync(Role.Reader));
        var readerForm = await reader.AntiforgeryTokenAsync("/accounts/tokens");
        foreach (var (path, fields) in pages)
        {
            // Sent to sign in, and a reader to the access-denied page.
            var signIn = await anonymous.PostFormAsync(path, null, fields);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Contains("/accounts/sign-in", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
            var denied = await reader.PostFormAsync(path, readerForm, fields);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/accounts/access-denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostFormAsync(path, null, fields)).StatusCode);
        }

        foreach (var (path, body) in apis)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(path, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await readerToken.PostAsJsonAsync(path, body)).StatusCode);
            // The editor's cookie is not a credential for the API.
            Assert.Equal(HttpStatusCode.Unauthorized, (await editor.PostAsJsonAsync(path, body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/outlets/{slug}", new { kind = "Blog", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readerToken.PutAsJsonAsync($"/api/outlets/{slug}", new { kind = "Blog", version = 0 })).StatusCode);

        Assert.Equal(auditBefore, await AuditCountAsync());
        await using var check = site.CreateContext();
        Assert.False(await check.TimelineMilestones.AnyAsync(m => m.Title == "refused"));
        Assert.False(await check.HiddenTimelineEntries.AnyAsync(h => h.Key == key));
        Assert.False(await check.EntityAliases.AnyAsync(a => a.Name == "refused name"));
        Assert.NotEqual("refused", await check.Outlets.Where(o => o.Slug == slug).Select(o => o.Description).SingleAsync());

        // No editing control in what readers get.
        using var plain = site.CreateClient();
        foreach (var path in new[] { "/timeline", $"/timeline/entries/{key}", $"/outlets/{slug}", "/entities/csto", "/entities" })
        {
            var html = await plain.GetStringAsync(path);
            Assert.DoesNotContain("editor-tools", html);
        }
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = site.CreateContext();
        return await db.AuditEntries.CountAsync();
    }
}
