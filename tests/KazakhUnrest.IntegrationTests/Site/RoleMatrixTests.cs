using System.Net;
using System.Net.Http.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Tags;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// Every state-changing route tried as anonymous, reader, editor and admin, with a bearer token, with the sign-in
/// cookie alone, and with the cookie and its antiforgery token: only the allowed combinations change anything.
/// </summary>
public sealed class RoleMatrixTests(AccountSiteFixture site, ITestOutputHelper output) : IClassFixture<AccountSiteFixture>
{
    private static readonly DateTimeOffset Jan8 = new(2022, 1, 8, 0, 0, 0, TimeSpan.Zero);
    private static long _nextStory = 1000;

    public enum Credential
    {
        None,
        Bearer,
        Cookie,
        CookieAndAntiforgery,
    }

    private sealed record Caller(string Who, HttpClient Cookie, string? Token);

    private sealed record Route(string Name, bool IsApi, Func<Caller?, Fixture, HttpClient, Credential, Task<HttpResponseMessage>> Send, Func<string, bool> Allowed);

    /// <summary>Two stories and three articles, fresh for each attempt, so an allowed attempt really succeeds.</summary>
    private sealed record Fixture(long StoryA, long StoryB, long A1, long A2, string Tag, string Entity, string Entry);

    [Fact]
    public async Task Only_editors_and_admins_with_a_token_edit_through_the_api_and_only_with_the_antiforgery_token_in_pages()
    {
        var callers = new List<Caller?> { null };
        foreach (var role in Role.All)
        {
            var email = await site.AccountAsync(role);
            callers.Add(new Caller(role, await site.SignedInClientAsync(email), await site.TokenAsync(role)));
        }

        Route[] routes =
        [
            new("POST /api/articles/{id}/relevance", true, (c, f, client, _) => client.PostAsJsonAsync($"/api/articles/{f.A1}/relevance", new { onTopic = false }), IsEditor),
            new("POST /api/stories/{id}/merge", true, (c, f, client, _) => client.PostAsJsonAsync($"/api/stories/{f.StoryB}/merge", new { into = f.StoryA }), IsEditor),
            new("POST /api/stories/{id}/split", true, (c, f, client, _) => client.PostAsJsonAsync($"/api/stories/{f.StoryA}/split", new { articleIds = new[] { f.A2 } }), IsEditor),
            new("POST /api/articles/{id}/published", true, (c, f, client, _) => client.PostAsJsonAsync($"/api/articles/{f.A1}/published", new { publishedAt = "2022-01-09T10:00:00Z" }), IsEditor),
            new("POST /stories/{id}/corrections?handler=Merge", false, (c, f, client, cred) => PostPageAsync(client, cred, $"/stories/{f.StoryB}/corrections",
                $"/stories/{f.StoryB}/corrections?handler=Merge", ("Into", f.StoryA.ToString()), ("Version", "0"), ("Reason", "matrix")), IsEditor),
            new("POST /stories/{id}/corrections?handler=Split", false, (c, f, client, cred) => PostPageAsync(client, cred, $"/stories/{f.StoryA}/corrections",
                $"/stories/{f.StoryA}/corrections?handler=Split", ("ArticleIds", f.A2.ToString()), ("Version", "0")), IsEditor),
            new("POST /articles/{id}/corrections?handler=Relevance", false, (c, f, client, cred) => PostPageAsync(client, cred, $"/articles/{f.A1}/corrections",
                $"/articles/{f.A1}/corrections?handler=Relevance", ("Topic", "off"), ("Version", "0")), IsEditor),
            new("POST /articles/{id}/corrections?handler=Date", false, (c, f, client, cred) => PostPageAsync(client, cred, $"/articles/{f.A1}/corrections",
                $"/articles/{f.A1}/corrections?handler=Date", ("PublishedAt", "2022-01-09T10:00"), ("Version", "0")), IsEditor),
            new("POST /api/tags", true, (c, f, client, _) => client.PostAsJsonAsync("/api/tags", new { name = $"Made {f.StoryA}" }), IsEditor),
            new("PATCH /api/tags/{slug}", true, (c, f, client, _) => client.PatchAsJsonAsync($"/api/tags/{f.Tag}", new { name = $"Renamed {f.StoryA}" }), IsEditor),
            new("POST /api/tags/{slug}/articles", true, (c, f, client, _) => client.PostAsJsonAsync($"/api/tags/{f.Tag}/articles", new { articleIds = new[] { f.A1 } }), IsEditor),
            new("DELETE /api/tags/{slug}/articles", true, (c, f, client, _) => client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/tags/{f.Tag}/articles")
            {
                Content = JsonContent.Create(new { articleIds = new[] { f.A2 } }),
            }), IsEditor),
            new("POST /api/tags/{slug}/stories", true, (c, f, client, _) => client.PostAsJsonAsync($"/api/tags/{f.Tag}/stories", new { storyIds = new[] { f.StoryB } }), IsEditor),
            new("POST /api/entities/{id}/aliases", true, (c, f, client, _) => client.PostAsJsonAsync($"/api/entities/{f.Entity}/aliases", new { name = $"Alias {f.StoryA}" }), IsEditor),
            new("POST /api/timeline/milestones", true, (c, f, client, _) => client.PostAsJsonAsync("/api/timeline/milestones", new { date = "2022-01-09", title = $"Milestone {f.StoryA}" }), IsEditor),
            new("POST /api/timeline/entries/hide", true, (c, f, client, _) => client.PostAsJsonAsync("/api/timeline/entries/hide", new { key = f.Entry }), IsEditor),
            new("POST /timeline/hide/{key}?handler=Hide", false, (c, f, client, cred) => PostPageAsync(client, cred, $"/timeline/hide/{f.Entry}",
                $"/timeline/hide/{f.Entry}?handler=Hide", ("Reason", "matrix")), IsEditor),
            new("POST /tags/edit?handler=Create", false, (c, f, client, cred) => PostPageAsync(client, cred, "/tags", "/tags/edit?handler=Create",
                ("Name", $"Paged {f.StoryA}")), IsEditor),
            new("POST /tags/edit (articles)", false, (c, f, client, cred) => PostPageAsync(client, cred, $"/articles/{f.A1}", "/tags/edit",
                ("Apply", f.Tag), ("Operation", "add"), ("Ids", f.A1.ToString())), IsEditor),
            new("POST /tags/edit?handler=Story", false, (c, f, client, cred) => PostPageAsync(client, cred, $"/stories/{f.StoryB}", "/tags/edit?handler=Story",
                ("Apply", f.Tag), ("Operation", "add"), ("StoryId", f.StoryB.ToString())), IsEditor),
            new("POST /entities/{id}/aliases?handler=Add", false, (c, f, client, cred) => PostPageAsync(client, cred, $"/entities/{f.Entity}/aliases",
                $"/entities/{f.Entity}/aliases?handler=Add", ("Name", $"Paged alias {f.StoryA}")), IsEditor),
            new("POST /timeline/milestones?handler=Save", false, (c, f, client, cred) => PostPageAsync(client, cred, "/timeline/milestones",
                "/timeline/milestones?handler=Save", ("Day", "2022-01-09"), ("Title", $"Paged {f.StoryA}")), IsEditor),
            new("POST /accounts?handler=Create", false, (c, f, client, cred) => PostPageAsync(client, cred, "/accounts", "/accounts?handler=Create",
                ("Email", $"made-{f.StoryA}@test.example"), ("Role", Role.Reader)), who => who == Role.Admin),
            new("POST /accounts/tokens?handler=Create", false, (c, f, client, cred) => PostPageAsync(client, cred, "/accounts/tokens", "/accounts/tokens?handler=Create",
                ("Name", $"matrix-{f.StoryA}")), who => who != "anonymous"),
        ];

        var table = new List<string>();
        foreach (var route in routes)
        {
            foreach (var caller in callers)
            {
                foreach (var credential in Enum.GetValues<Credential>())
                {
                    if (caller is null && credential is Credential.Bearer or Credential.Cookie)
                    {
                        continue; // anonymous has none of these; None and CookieAndAntiforgery (a stranger's form token) are tried
                    }

                    var who = caller?.Who ?? "anonymous";
                    var fixture = await FixtureAsync();
                    var before = await StateAsync(fixture);
                    using var client = credential switch
                    {
                        Credential.Bearer => BearerClient(caller!.Token!),
                        Credential.Cookie or Credential.CookieAndAntiforgery when caller is not null => null,
                        _ => SiteAccounts.Client(site.BaseAddress),
                    };
                    var response = await route.Send(caller, fixture, client ?? caller!.Cookie, credential);
                    var changed = before != await StateAsync(fixture);
                    var allowed = route.Allowed(who) && credential == (route.IsApi ? Credential.Bearer : Credential.CookieAndAntiforgery);
                    table.Add($"{route.Name,-40} {who,-9} {credential,-21} {(int)response.StatusCode} {(changed ? "changed" : "unchanged")}");

                    if (allowed)
                    {
                        // A correction form answers with a redirect to what it changed (post, redirect, get).
                        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, table[^1]);
                        Assert.True(changed, table[^1]);
                    }
                    else
                    {
                        Assert.False(changed, table[^1]);
                        Assert.False(response.IsSuccessStatusCode, table[^1]);
                        if (route.IsApi)
                        {
                            Assert.Equal(credential == Credential.Bearer ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, response.StatusCode);
                            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                        }
                    }
                }
            }
        }

        foreach (var line in table)
        {
            output.WriteLine(line);
        }
    }

    private static bool IsEditor(string who) => who is Role.Editor or Role.Admin;

    private HttpClient BearerClient(string token)
    {
        var client = SiteAccounts.Client(site.BaseAddress);
        client.UseBearer(token);
        return client;
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, Credential credential, string formPage, string path, params (string, string)[] fields)
    {
        string? token = null;
        if (credential == Credential.CookieAndAntiforgery)
        {
            // A stranger (anonymous) gets a token from the sign-in form; a signed-in caller from the page itself.
            // A public page shows a reader no editing form, and a stranger no form at all: then the sign-in form's token.
            var form = await client.GetAsync(formPage);
            var html = form.StatusCode == HttpStatusCode.OK ? await form.Content.ReadAsStringAsync() : "";
            token = await client.AntiforgeryTokenAsync(html.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? formPage : "/accounts/sign-in");
        }

        return await client.PostFormAsync(path, token, fields);
    }

    private async Task<Fixture> FixtureAsync()
    {
        await using var db = site.CreateContext();
        var outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Slug == "matrix-wire") ?? await TestData.OutletAsync(db, "matrix-wire", "Matrix Wire");
        var (a, b) = (Interlocked.Increment(ref _nextStory), Interlocked.Increment(ref _nextStory));
        var a1 = await TestData.ArticleAsync(db, outlet, $"Story {a} first", Jan8, "Detained.");
        var a2 = await TestData.ArticleAsync(db, outlet, $"Story {a} second", Jan8.AddHours(1), "Arrested.");
        var b1 = await TestData.ArticleAsync(db, outlet, $"Story {b} only", Jan8.AddHours(2), "Held.");
        await TestData.StoryAsync(db, a, a1, a2);
        await TestData.StoryAsync(db, b, b1);
        // A tag on the second article (to take off) and an entity (to name), both the attempt's own.
        var tag = new Tag { Name = $"Matrix {a}", Slug = $"matrix-{a}", CreatedAt = Jan8, UpdatedAt = Jan8 };
        db.Tags.Add(tag);
        db.ArticleTags.Add(new ArticleTag { Tag = tag, ArticleId = a2.Id, AddedAt = Jan8, AddedBy = "fixture" });
        await db.SaveChangesAsync();
        var entity = await TestData.EntityAsync(db, $"matrix-person-{a}", EntityKind.Person, $"Matrix Person {a}", "KZ");
        var entry = await TestData.TimelineEntryAsync(db, $"matrix-{a}", $"Matrix event {a}", [], [], (a1, new DateOnly(2022, 1, 8), "Detained."));
        return new Fixture(a, b, a1.Id, a2.Id, tag.Slug, entity.Id, entry.Key);
    }

    /// <summary>Everything the routes can change, as one comparable string.</summary>
    private async Task<string> StateAsync(Fixture f)
    {
        await using var db = site.CreateContext();
        var articles = await db.Articles.Where(x => x.StoryId == f.StoryA || x.StoryId == f.StoryB || x.Id == f.A1 || x.Id == f.A2)
            .OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.StoryId}:{x.OnTopic}:{x.RelevanceOverride}:{x.PublishedAt}").ToListAsync();
        var stories = await db.Stories.Where(s => s.Id == f.StoryA || s.Id == f.StoryB).OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.MergedIntoId}").ToListAsync();
        return string.Join(",", articles) + "|" + string.Join(",", stories) + "|" + await db.StoryEdits.CountAsync() + "|" + await db.Stories.CountAsync()
            + "|" + await db.Users.CountAsync() + "|" + await db.ApiTokens.CountAsync() + "|" + await db.AuditEntries.CountAsync()
            + "|" + string.Join(",", await db.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToListAsync())
            + "|" + await db.ArticleTags.CountAsync() + "|" + await db.StoryTags.CountAsync()
            + "|" + await db.EntityAliases.CountAsync() + "|" + await db.TimelineMilestones.CountAsync() + "|" + await db.HiddenTimelineEntries.CountAsync();
    }
}
