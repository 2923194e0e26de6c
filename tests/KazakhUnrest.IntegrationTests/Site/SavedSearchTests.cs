using System.Net;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Serilog.Parsing;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>The site on a clock the tests move; each test searches for its own made-up word, so they share the data.</summary>
public sealed class SavedSearchSiteFixture : SiteFixture
{
    public TestClock Clock { get; } = new();

    public Outlet Outlet { get; private set; } = null!;

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateContext();
        Outlet = await TestData.OutletAsync(db, "saved-wire", "Saved Wire");
    }

    /// <summary>An on-topic article with <paramref name="word"/> in its title, first seen <paramref name="firstSeen"/>.</summary>
    public async Task<Article> ArticleAsync(string word, string title, DateTimeOffset firstSeen, bool onTopic = true)
    {
        await using var db = CreateContext();
        var outlet = await db.Outlets.SingleAsync(o => o.Id == Outlet.Id);
        var article = await TestData.ArticleAsync(db, outlet, $"{word} {title}", firstSeen.AddMinutes(-5), $"The {word} report: {title}.");
        article.OnTopic = onTopic;
        await db.SaveChangesAsync();
        return article;
    }
}

public sealed partial class SavedSearchTests(SavedSearchSiteFixture site) : IClassFixture<SavedSearchSiteFixture>
{
    [Fact]
    public async Task Anonymous_save_gets_a_private_address_that_shows_the_results_and_the_new_matches()
    {
        var now = site.Clock.GetUtcNow();
        var first = await site.ArticleAsync("zebrafoo", "crossing at dawn", now.AddDays(-2));
        var second = await site.ArticleAsync("zebrafoo", "herd returns", now.AddDays(-1));
        var client = SiteAccounts.Client(site.BaseAddress);

        // The search page a reader not signed in sees may come from the page cache: it holds no per-person token,
        // and its save form leads to the confirmation page by GET.
        var search = await client.GetStringAsync("/search?q=zebrafoo&sort=date");
        Assert.DoesNotContain("__RequestVerificationToken", search, StringComparison.Ordinal);
        Assert.Matches("<form method=\"get\"[^>]* action=\"/search/save\"", search);

        var form = await client.GetStringAsync("/search/save?q=zebrafoo&topic=on&sort=date&view=articles&name=Zebras");
        var (antiforgery, proposal) = (Field(form, "__RequestVerificationToken"), Field(form, "proposal"));
        var fields = new[] { ("name", "Zebras"), ("q", "zebrafoo"), ("topic", "on"), ("sort", "date"), ("view", "articles"), ("proposal", proposal) };
        var saved = await client.PostFormAsync("/search/save", antiforgery, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var address = saved.Headers.Location!.OriginalString;
        Assert.Matches("^/search/saved/[A-Za-z0-9_-]{22}$", address);

        // The same form sent again (a double click, a resubmitted POST) keeps one row.
        var again = await client.PostFormAsync("/search/save", antiforgery, fields);
        Assert.Equal(address, again.Headers.Location!.OriginalString);
        await using (var db = site.CreateContext())
        {
            var row = await db.SavedSearches.AsNoTracking().SingleAsync(s => s.Name == "Zebras");
            Assert.Null(row.OwnerId);
            Assert.Equal("q=zebrafoo&sort=date", row.Query);
            Assert.Equal(now, row.CreatedAt);
            Assert.Equal(now, row.LastVisitedAt);
            Assert.Equal(address, SavedSearches.PrivatePrefix + row.Token);
        }

        var page = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Zebras</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/articles/{first.Id}?q=zebrafoo\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/articles/{second.Id}?q=zebrafoo\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search/feed?q=zebrafoo&amp;sort=date\"", html, StringComparison.Ordinal);
        Assert.Equal(0, NewMatches(html));

        // Visited three days ago: both articles are new, once.
        await SetLastVisitAsync(address, now.AddDays(-3));
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, NewMatches(await client.GetStringAsync(address)));
        Assert.Equal(0, NewMatches(await client.GetStringAsync(address)));
        await using (var db = site.CreateContext())
        {
            Assert.Equal(site.Clock.GetUtcNow(), (await db.SavedSearches.AsNoTracking().SingleAsync(s => s.Name == "Zebras")).LastVisitedAt);
        }
    }

    [Fact]
    public async Task Signed_in_save_is_listed_with_its_new_matches_until_opened()
    {
        var now = site.Clock.GetUtcNow();
        await site.ArticleAsync("quaggabar", "old sighting", now.AddDays(-1));
        var email = await site.AccountAsync(Core.Data.Role.Reader);
        var client = await site.SignedInClientAsync(email);

        // Signed in, the search page is never cached: it saves at once, with the antiforgery token.
        var search = await client.GetStringAsync("/search?q=quaggabar");
        Assert.Matches("<form method=\"post\"[^>]* action=\"/search/save\"", search);
        var antiforgery = Field(search, "__RequestVerificationToken");
        var fields = new[] { ("name", "Quaggas"), ("q", "quaggabar"), ("topic", "on"), ("sort", "relevance"), ("view", "articles") };
        var saved = await client.PostFormAsync("/search/save", antiforgery, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var address = saved.Headers.Location!.OriginalString;
        Assert.Equal(address, (await client.PostFormAsync("/search/save", antiforgery, fields)).Headers.Location!.OriginalString);
        await using (var db = site.CreateContext())
        {
            var owner = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var row = await db.SavedSearches.AsNoTracking().SingleAsync(s => s.OwnerId == owner);
            Assert.Equal(("Quaggas", "q=quaggabar"), (row.Name, row.Query));
        }

        var list = await client.GetAsync("/search/saved");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("no-store", list.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"{address}\">Quaggas</a>", listed, StringComparison.Ordinal);
        Assert.Contains("href=\"/search/feed?q=quaggabar\"", listed, StringComparison.Ordinal);
        Assert.Equal(0, ListedNewMatches(listed));

        // Two reports first seen after the save, one of them off-topic (the search leaves those out): one new match,
        // on the list (which is no visit) and on the search itself, after which it is no longer new.
        site.Clock.Advance(TimeSpan.FromHours(1));
        await site.ArticleAsync("quaggabar", "new sighting", site.Clock.GetUtcNow());
        await site.ArticleAsync("quaggabar", "sports", site.Clock.GetUtcNow(), onTopic: false);
        site.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, ListedNewMatches(await client.GetStringAsync("/search/saved")));
        Assert.Equal(1, ListedNewMatches(await client.GetStringAsync("/search/saved")));
        Assert.Equal(1, NewMatches(await client.GetStringAsync(address)));
        Assert.Equal(0, ListedNewMatches(await client.GetStringAsync("/search/saved")));
    }

    [Fact]
    public async Task Whoever_has_the_address_may_rename_and_delete()
    {
        await site.ArticleAsync("okapibaz", "in the forest", site.Clock.GetUtcNow().AddDays(-1));
        var saver = SiteAccounts.Client(site.BaseAddress);
        var address = await SaveAnonymouslyAsync(saver, "okapibaz", "Okapis");

        // Someone else, not signed in, given the address.
        var holder = SiteAccounts.Client(site.BaseAddress);
        var antiforgery = await holder.AntiforgeryTokenAsync(address);
        var renamed = await holder.PostFormAsync(address + "?handler=Rename", antiforgery, ("name", "  Forest okapis  "));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(address, renamed.Headers.Location!.OriginalString);
        Assert.Contains("<h1>Forest okapis</h1>", await holder.GetStringAsync(address), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await holder.PostFormAsync(address + "?handler=Rename", antiforgery, ("name", " "))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await holder.PostFormAsync(address + "?handler=Rename", antiforgery, ("name", new string('x', Core.Search.SavedSearchLimits.Name + 1)))).StatusCode);
        Assert.Equal("Forest okapis", await NameAsync(address));

        var deleted = await holder.PostFormAsync(address + "?handler=Delete", antiforgery);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/search?q=okapibaz", deleted.Headers.Location!.OriginalString);
        Assert.Null(await NameAsync(address));
        Assert.Equal(HttpStatusCode.NotFound, (await saver.GetAsync(address)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await holder.PostFormAsync(address + "?handler=Rename", antiforgery, ("name", "Back"))).StatusCode);
    }

    [Fact]
    public async Task Posts_without_a_valid_antiforgery_token_change_nothing()
    {
        var client = SiteAccounts.Client(site.BaseAddress);
        var address = await SaveAnonymouslyAsync(client, "tapirqux", "Tapirs");
        var antiforgery = await client.AntiforgeryTokenAsync(address);

        var stranger = SiteAccounts.Client(site.BaseAddress);
        var refused = new[]
        {
            await client.PostFormAsync("/search/save", null, ("name", "Tapirs 2"), ("q", "tapirqux")),
            await client.PostFormAsync(address + "?handler=Rename", null, ("name", "Renamed")),
            await client.PostFormAsync(address + "?handler=Delete", null),
            // A token made for someone else's cookie.
            await stranger.PostFormAsync(address + "?handler=Rename", antiforgery, ("name", "Renamed")),
            await stranger.PostFormAsync(address + "?handler=Delete", antiforgery),
        };
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal("Tapirs", await NameAsync(address));
        await using var db = site.CreateContext();
        Assert.False(await db.SavedSearches.AnyAsync(s => s.Name == "Tapirs 2"));
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_is_not_found()
    {
        var client = SiteAccounts.Client(site.BaseAddress);
        var antiforgery = await client.AntiforgeryTokenAsync("/search/save?q=anything");
        foreach (var token in new[] { SavedSearches.NewToken(), "short", "AAAAAAAAAAAAAAAAAAAA%2B%2B", new string('A', 200) })
        {
            var address = SavedSearches.PrivatePrefix + token;
            var page = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("Not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(address + "?handler=Delete", antiforgery)).StatusCode);
        }
    }

    [Fact]
    public async Task The_list_is_its_owners_alone()
    {
        var owner = await site.SignedInClientAsync(await site.AccountAsync(Core.Data.Role.Reader));
        var antiforgery = await owner.AntiforgeryTokenAsync("/search?q=gnuquux");
        var saved = await owner.PostFormAsync("/search/save", antiforgery, ("name", "Gnus of mine"), ("q", "gnuquux"));
        var address = saved.Headers.Location!.OriginalString;
        Assert.Contains(address, await owner.GetStringAsync("/search/saved"), StringComparison.Ordinal);

        var other = await site.SignedInClientAsync(await site.AccountAsync(Core.Data.Role.Reader));
        var theirs = await other.GetStringAsync("/search/saved");
        Assert.DoesNotContain("Gnus of mine", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(address, theirs, StringComparison.Ordinal);
        Assert.Contains("Nothing saved yet", theirs, StringComparison.Ordinal);

        var anonymous = await SiteAccounts.Client(site.BaseAddress).GetAsync("/search/saved");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/accounts/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_refuses_a_missing_name_or_query()
    {
        var client = SiteAccounts.Client(site.BaseAddress);
        var form = await client.GetStringAsync("/search/save?q=");
        Assert.Contains("There is no search to save", form, StringComparison.Ordinal);
        var antiforgery = await client.AntiforgeryTokenAsync("/search/save?q=ibexzz");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFormAsync("/search/save", antiforgery, ("name", "Empty"), ("q", " "))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFormAsync("/search/save", antiforgery, ("name", ""), ("q", "ibexzz"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFormAsync("/search/save", antiforgery,
            ("name", new string('n', Core.Search.SavedSearchLimits.Name + 1)), ("q", "ibexzz"))).StatusCode);
        await using var db = site.CreateContext();
        Assert.False(await db.SavedSearches.AnyAsync(s => s.Query.Contains("ibexzz") || s.Name == "Empty"));
    }

    [Fact]
    public void Private_addresses_are_logged_without_their_token()
    {
        var token = SavedSearches.NewToken();
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new MessageTemplateParser().Parse("HTTP {RequestMethod} {RequestPath} responded {StatusCode}"),
            [new LogEventProperty("RequestMethod", new ScalarValue("GET")), new LogEventProperty("RequestPath", new ScalarValue("/Search/Saved/" + token)),
             new LogEventProperty("StatusCode", new ScalarValue(200))]);
        new SavedSearchTokenRedaction().Enrich(logEvent, null!);
        var rendered = logEvent.RenderMessage();
        Assert.DoesNotContain(token, rendered, StringComparison.Ordinal);
        Assert.Contains("/search/saved/{token}", rendered, StringComparison.Ordinal);

        var other = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("{RequestPath}"),
            [new LogEventProperty("RequestPath", new ScalarValue("/search/saved"))]);
        new SavedSearchTokenRedaction().Enrich(other, null!);
        Assert.Equal("\"/search/saved\"", other.RenderMessage());
    }

    private async Task<string> SaveAnonymouslyAsync(HttpClient client, string q, string name)
    {
        var form = await client.GetStringAsync($"/search/save?q={Uri.EscapeDataString(q)}&name={Uri.EscapeDataString(name)}");
        var saved = await client.PostFormAsync("/search/save", Field(form, "__RequestVerificationToken"),
            ("name", name), ("q", q), ("proposal", Field(form, "proposal")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return saved.Headers.Location!.OriginalString;
    }

    private async Task SetLastVisitAsync(string address, DateTimeOffset at)
    {
        await using var db = site.CreateContext();
        var token = address[SavedSearches.PrivatePrefix.Length..];
        await db.SavedSearches.Where(s => s.Token == token).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastVisitedAt, at));
    }

    private async Task<string?> NameAsync(string address)
    {
        await using var db = site.CreateContext();
        var token = address[SavedSearches.PrivatePrefix.Length..];
        return await db.SavedSearches.Where(s => s.Token == token).Select(s => s.Name).SingleOrDefaultAsync();
    }

    private static string Field(string html, string name) =>
        Regex.Match(html, $"<input[^>]* name=\"{name}\"[^>]* value=\"([^\"]*)\"") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"no field {name} in the page");

    private static int NewMatches(string html) => int.Parse(NewOnPage().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The new-match count of the only row of a list.</summary>
    private static int ListedNewMatches(string html) => int.Parse(NewInList().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<strong class=\"new-matches\">(\\d+)</strong>")]
    private static partial Regex NewOnPage();

    [GeneratedRegex("<td class=\"new-matches\">(\\d+)</td>")]
    private static partial Regex NewInList();
}
