using System.Net;
using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class TimelinePageTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private static readonly DateOnly Jan4 = new(2022, 1, 4);
    private static readonly DateOnly Jan5 = new(2022, 1, 5);
    private static readonly DateOnly Jan6 = new(2022, 1, 6);
    private static readonly DateOnly Jan25 = new(2022, 1, 25);

    private long _resigns, _protests, _troops, _trials, _offTopicOnly, _wireArticle;

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (!await db.TimelineEntries.AnyAsync())
        {
            await SeedAsync(db);
        }

        var ids = await db.TimelineEntries.ToDictionaryAsync(t => t.Kind, t => t.Id);
        (_resigns, _protests, _troops, _trials, _offTopicOnly) =
            (ids["government-resigns"], ids["protests"], ids["troops-land"], ids["trials-begin"], ids["match-played"]);
        _wireArticle = await db.Articles.Where(a => a.Title == "Government resigns").Select(a => a.Id).SingleAsync();
    }

    private static async Task SeedAsync(KazakhDbContext db)
    {
        await TestData.EntityAsync(db, "kazakhstan", EntityKind.Country, "Kazakhstan", "KZ");
        await TestData.EntityAsync(db, "russia", EntityKind.Country, "Russia", "RU");
        await TestData.EntityAsync(db, "kassym-jomart-tokayev", EntityKind.Person, "Kassym-Jomart Tokayev", "KZ");
        await TestData.EntityAsync(db, "vladimir-putin", EntityKind.Person, "Vladimir Putin", "RU");
        await TestData.EntityAsync(db, "almaty", EntityKind.Place, "Almaty", "KZ");
        await TestData.EntityAsync(db, "csto", EntityKind.Organisation, "CSTO", null);

        var wire = await TestData.OutletAsync(db, "steppe-wire", "Steppe Wire");
        var dispatch = await TestData.OutletAsync(db, "peoples-dispatch", "Peoples Dispatch", OutletKind.Independent);
        var blog = await TestData.OutletAsync(db, "blog-x", "Blog X", OutletKind.Blog);
        var at = new DateTimeOffset(2022, 1, 4, 18, 0, 0, TimeSpan.Zero);
        var protests = await TestData.ArticleAsync(db, dispatch, "Protests spread", at,
            "Protesters gathered in Almaty on Tuesday.", "The government resigned on Tuesday evening, organisers said.");
        var resigns = await TestData.ArticleAsync(db, wire, "Government resigns", at.AddHours(12),
            "The government resigned on Wednesday.", "President Tokayev accepted the resignation.");
        var blogged = await TestData.ArticleAsync(db, blog, "Cabinet out", at.AddHours(16), "The cabinet quit on Wednesday morning.");
        var troops = await TestData.ArticleAsync(db, blog, "Paratroopers land", at.AddDays(2), "Russian paratroopers landed in Almaty on Thursday, Putin said.");
        var trials = await TestData.ArticleAsync(db, wire, "Trials open", at.AddDays(21), "The first trials began on Tuesday.");
        var football = await TestData.ArticleAsync(db, blog, "Cup final", at.AddDays(3), "The final was played on Friday.");
        football.OnTopic = false;
        await db.SaveChangesAsync();

        await TestData.TimelineEntryAsync(db, "government-resigns", "The government resigns", ["kassym-jomart-tokayev"], [],
            (resigns, Jan5, "The government resigned on Wednesday."),
            (protests, Jan4, "The government resigned on Tuesday evening, organisers said."),
            (blogged, Jan5, "The cabinet quit on Wednesday morning."));
        var grow = await TestData.TimelineEntryAsync(db, "protests", "Protests <b>grow</b> in Almaty", [], ["almaty"],
            (protests, Jan4, "Protesters gathered in Almaty on Tuesday."));
        // Its day taken from a sentence before it, as the extractor marks a day it inferred.
        await db.ArticleEvents.Where(e => e.TimelineEntryId == grow.Id).ExecuteUpdateAsync(e => e
            .SetProperty(x => x.DateInferred, true).SetProperty(x => x.DateText, "late on Tuesday"));
        await TestData.TimelineEntryAsync(db, "troops-land", "CSTO troops land", ["vladimir-putin", "csto"], ["almaty"],
            (troops, Jan6, "Russian paratroopers landed in Almaty on Thursday, Putin said."));
        await TestData.TimelineEntryAsync(db, "trials-begin", "First trials begin", ["kassym-jomart-tokayev"], [],
            (trials, Jan25, "The first trials began on Tuesday."));
        await TestData.TimelineEntryAsync(db, "match-played", "A cup final is played", [], [],
            (football, new DateOnly(2022, 1, 7), "The final was played on Friday."));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static IEnumerable<long> EntryIds(JsonElement days) =>
        days.EnumerateArray().SelectMany(d => d.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("id").GetInt64());

    private async Task<long[]> ApiEntriesAsync(string query)
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/timeline" + query));
        return [.. EntryIds(json.RootElement.GetProperty("days"))];
    }

    [Fact]
    public async Task Api_lists_every_core_day_and_later_days_with_entries_and_only_on_topic_sources()
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/timeline"));
        var days = json.RootElement.GetProperty("days");
        var dates = days.EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(20, dates.Count); // 1–19 January and the 25th
        Assert.Equal("2022-01-01", dates[0]);
        Assert.Equal("2022-01-25", dates[^1]);
        var jan7 = days.EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2022-01-07");
        Assert.Empty(jan7.GetProperty("entries").EnumerateArray()); // its only source is off-topic

        var jan5 = days.EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2022-01-05");
        var entry = jan5.GetProperty("entries")[0];
        Assert.Equal(_resigns, entry.GetProperty("id").GetInt64());
        Assert.Equal(["2022-01-04", "2022-01-05"], entry.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.True(entry.GetProperty("sourcesDisagree").GetBoolean());
        Assert.Equal("Kassym-Jomart Tokayev", entry.GetProperty("actors")[0].GetProperty("name").GetString());
        var sources = entry.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(3, sources.Count);
        Assert.Equal("Peoples Dispatch", sources[0].GetProperty("outlet").GetString());
        Assert.Equal("Independent", sources[0].GetProperty("outletKind").GetString());
        Assert.StartsWith("/articles/", sources[0].GetProperty("articlePath").GetString());
        Assert.Contains("#s", sources[0].GetProperty("articlePath").GetString());
        // Permalinks use the key, which survives timeline rebuilds (ids do not).
        Assert.Equal($"/timeline/entries/{entry.GetProperty("key").GetString()}", entry.GetProperty("permalink").GetString());
    }

    [Fact]
    public async Task Api_filters_by_actor_country_outlet_and_outlet_kind()
    {
        Assert.Equal([_troops], await ApiEntriesAsync("?actor=vladimir-putin"));
        Assert.Equal([_resigns, _trials], await ApiEntriesAsync("?actor=kassym-jomart-tokayev"));
        // A country matches entries naming anything of that country: Putin for Russia, Tokayev and Almaty for Kazakhstan.
        Assert.Equal([_troops], await ApiEntriesAsync("?country=RU"));
        Assert.Equal([_protests, _resigns, _troops, _trials], await ApiEntriesAsync("?country=kz"));
        Assert.Equal([_resigns, _troops], await ApiEntriesAsync("?outlet=blog-x"));
        Assert.Equal([_resigns, _trials], await ApiEntriesAsync("?kind=WireAgency"));
        Assert.Equal([_protests], await ApiEntriesAsync("?country=KZ&outlet=peoples-dispatch&actor=almaty"));
        Assert.Empty(await ApiEntriesAsync("?actor=nobody"));
    }

    [Fact]
    public async Task TimelineJs_export_has_one_event_per_entry_with_dates_and_encoded_text()
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/timeline/timelinejs"));
        var root = json.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetProperty("text").GetProperty("headline").GetString()));
        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(4, events.Count);
        var resigns = events.Single(e => e.GetProperty("unique_id").GetString() == $"entry-{_resigns}");
        var start = resigns.GetProperty("start_date");
        Assert.Equal((2022, 1, 5), (start.GetProperty("year").GetInt32(), start.GetProperty("month").GetInt32(), start.GetProperty("day").GetInt32()));
        Assert.Equal("The government resigns", resigns.GetProperty("text").GetProperty("headline").GetString());
        Assert.Contains("Sources disagree", resigns.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("Government resigns", resigns.GetProperty("group").GetString()); // TimelineJS shows the group as a heading
        var protests = events.Single(e => e.GetProperty("unique_id").GetString() == $"entry-{_protests}");
        Assert.Equal("Protests &lt;b&gt;grow&lt;/b&gt; in Almaty", protests.GetProperty("text").GetProperty("headline").GetString());

        using var filtered = JsonDocument.Parse(await client.GetStringAsync("/api/timeline/timelinejs?actor=vladimir-putin"));
        Assert.Equal($"entry-{_troops}", filtered.RootElement.GetProperty("events").EnumerateArray().Single().GetProperty("unique_id").GetString());
    }

    [Fact]
    public async Task Page_shows_days_entries_sources_chart_and_encodes_text()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/timeline");
        Assert.Contains("<section class=\"day\" id=\"2022-01-01\"", html);
        Assert.Contains("<section class=\"day\" id=\"2022-01-25\"", html);
        Assert.DoesNotContain("id=\"2022-01-26\"", html);
        Assert.Contains("No dated events", html);
        Assert.Contains($"id=\"entry-{_resigns}\"", html);
        Assert.Contains("Sources disagree: 4 January (Peoples Dispatch), 5 January (", html);
        Assert.Contains("<summary>Sentence</summary>", html);
        Assert.Contains("href=\"/entities/kassym-jomart-tokayev\"", html);
        Assert.Contains("Protests &lt;b&gt;grow&lt;/b&gt; in Almaty", html);
        Assert.DoesNotContain("A cup final is played", html);
        Assert.Contains("<svg class=\"bars\"", html);
        Assert.Contains("Wire agency", html);
        Assert.Contains("<th scope=\"row\">5 January</th>", html);
        Assert.Contains("href=\"/timeline\"", html); // in the nav

        var filtered = await client.GetStringAsync("/timeline?actor=vladimir-putin&kind=Blog");
        Assert.Contains($"id=\"entry-{_troops}\"", filtered);
        Assert.DoesNotContain($"id=\"entry-{_resigns}\"", filtered);
        Assert.Contains("<option value=\"vladimir-putin\" selected=\"selected\">", filtered);
        Assert.Contains("api/timeline?actor=vladimir-putin&amp;kind=Blog", filtered);
    }

    [Fact]
    public async Task An_entry_reads_for_people_kind_label_report_times_first_reporter_and_what_an_inferred_day_came_from()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/timeline/entries/2022-01-05/government-resigns");
        Assert.Contains("<span class=\"badge\" title=\"government-resigns\">Government resigns</span>", html);
        Assert.DoesNotContain(">government-resigns<", html);

        // Listed in the order they reported, the earliest marked: Peoples Dispatch at 18:00 on the 4th, then the wire and the blog.
        var sources = html[html.IndexOf("<ul class=\"sources\">", StringComparison.Ordinal)..];
        var dispatch = sources.IndexOf("Peoples Dispatch", StringComparison.Ordinal);
        var wire = sources.IndexOf("Steppe Wire", StringComparison.Ordinal);
        var blog = sources.IndexOf("Blog X", StringComparison.Ordinal);
        Assert.True(dispatch >= 0 && dispatch < wire && wire < blog, "sources in report order");
        Assert.Contains("reported <time datetime=\"2022-01-04T18:00Z\">4 January, 18:00 UTC</time>", sources);
        var first = sources.IndexOf("first to report", StringComparison.Ordinal);
        Assert.True(first > dispatch && first < wire, "the first to report is marked");
        Assert.Equal(first, sources.LastIndexOf("first to report", StringComparison.Ordinal));

        var inferred = await client.GetStringAsync("/timeline/entries/2022-01-04/protests");
        Assert.Contains("inferred from “late on Tuesday”", inferred);
        Assert.Contains("Protesters gathered in Almaty on Tuesday.", inferred);
        Assert.Contains("from “5 January”", html);
    }

    [Fact]
    public async Task Entry_permalink_page_and_the_cited_sentence_on_the_article()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync($"/timeline/entries/{_resigns}");
        Assert.Contains("The government resigns", html);
        Assert.Contains("href=\"/timeline#2022-01-05\"", html);
        Assert.Contains("Peoples Dispatch", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/timeline/entries/{_offTopicOnly}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/timeline/entries/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/timeline/entries/2022-01-05/no-such-kind")).StatusCode);

        // The permalink by key, which survives timeline rebuilds.
        await using (var db = site.CreateContext())
        {
            var key = await db.TimelineEntries.Where(t => t.Id == _resigns).Select(t => t.Key).SingleAsync();
            Assert.Contains("The government resigns", await client.GetStringAsync($"/timeline/entries/{key}"));
        }

        var article = await client.GetStringAsync($"/articles/{_wireArticle}");
        Assert.Contains("<span class=\"event-sentence\" id=\"s0\">The government resigned on Wednesday.</span>", article);
        var marked = await client.GetStringAsync($"/articles/{_wireArticle}?s=39&l=43");
        Assert.Contains("<mark class=\"cited event-sentence\" id=\"s39\">President Tokayev accepted the resignation.</mark>", marked);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/articles/{_wireArticle}?s=5000&l=10")).StatusCode);
    }

    [Fact]
    public async Task Reader_filters_the_timeline_by_actor_then_by_country_and_opens_a_sentence()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
            await page.GotoAsync(new Uri(site.BaseAddress, "/timeline").ToString());
            Assert.Equal(4, await page.Locator("article.entry").CountAsync());

            await page.Locator("select[name=actor]").SelectOptionAsync(new SelectOptionValue { Label = "Kassym-Jomart Tokayev" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAndWaitForUrlAsync(page, "**/timeline?*actor=kassym-jomart-tokayev*");
            Assert.Equal([$"entry-{_resigns}", $"entry-{_trials}"], await EntryIdsAsync(page));

            await page.Locator("select[name=actor]").SelectOptionAsync(new SelectOptionValue { Label = "Any" });
            await page.Locator("select[name=country]").SelectOptionAsync(new SelectOptionValue { Label = "Russia" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAndWaitForUrlAsync(page, "**/timeline?country=RU*");
            Assert.Equal([$"entry-{_troops}"], await EntryIdsAsync(page));
            Assert.Equal("CSTO troops land", (await page.Locator("article.entry h3").InnerTextAsync()).Trim());
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("timeline-filtered"), FullPage = true });

            await page.GotoAsync(new Uri(site.BaseAddress, "/timeline#2022-01-05").ToString());
            var entry = page.Locator($"#entry-{_resigns}");
            var conflict = await entry.Locator("p.conflict").InnerTextAsync();
            Assert.Contains("4 January (Peoples Dispatch)", conflict);
            Assert.Contains("5 January (Blog X, Steppe Wire)", conflict);
            Assert.Equal(["Peoples Dispatch", "Steppe Wire", "Blog X"], await entry.Locator("li.source .outlet").AllInnerTextsAsync());

            // The sentence stays folded until asked for, and the keyboard can open it.
            var quote = entry.Locator("details.sentence blockquote").First;
            Assert.False(await quote.IsVisibleAsync());
            await entry.Locator("details.sentence summary").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.True(await quote.IsVisibleAsync());
            Assert.Equal("The government resigned on Tuesday evening, organisers said.", (await quote.InnerTextAsync()).Trim());
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("timeline-mobile"), FullPage = true });

            await entry.Locator("a.source-link").First.ClickAndWaitForUrlAsync(page, "**/articles/*#s*");
            Assert.Contains("organisers said", await page.Locator(".event-sentence:target").InnerTextAsync());
        }
    }

    private static async Task<string[]> EntryIdsAsync(IPage page) =>
        [.. await page.Locator("article.entry").EvaluateAllAsync<string[]>("els => els.map(e => e.id)")];
}
