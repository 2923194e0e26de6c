using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Core.Quotes;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// One story told by three outlets: a state outlet first (quoting Tokayev on “terrorists”), an independent one
/// 5 h 20 min later, a wire agency the next day that calls them terrorists in its own words.
/// </summary>
public sealed class ComparisonPageTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private const long StoryId = 500;
    private static readonly DateTimeOffset Jan5 = new(2022, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private const string TokayevQuote = "“We will destroy the terrorists,” Kassym-Jomart Tokayev said.";
    private const string Toll = "At least 164 people were killed, the health ministry said.";
    private const string Resigned = "The government resigned on 5 January.";
    private const string Detained = "Dozens of people were detained, Galym Ageleulov said.";
    private const string Ageleulov = "“The police have disappeared from the city,” said Galym Ageleulov.";
    private const string Protesters = "Protesters gathered again as the government stepped down.";
    private const string Airport = "Terrorists seized the airport on 6 January.";
    private const string WireToll = "The interior ministry put the toll at 164 killed.";
    private const string Troops = "Some 2,500 troops arrived, Tokayev said.";

    private long _state, _independent, _wire;

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (await db.Stories.AnyAsync(s => s.Id == StoryId))
        {
            (_state, _independent, _wire) = (await Id(db, "Tokayev vows to restore order"), await Id(db, "Protests go on in Almaty"),
                await Id(db, "Terrorists storm Almaty airport"));
            return;
        }

        await TestData.EntityAsync(db, "kassym-jomart-tokayev", EntityKind.Person, "Kassym-Jomart Tokayev", "KZ");
        await TestData.EntityAsync(db, "health-ministry-kz", EntityKind.Organisation, "Ministry of Health of Kazakhstan", "KZ");
        var stateOutlet = await TestData.OutletAsync(db, "akorda-news", "Akorda News", OutletKind.StateOwned);
        var independentOutlet = await TestData.OutletAsync(db, "steppe-free", "Steppe Free Press", OutletKind.Independent);
        var wireOutlet = await TestData.OutletAsync(db, "global-wire", "Global Wire", OutletKind.WireAgency);
        var sportsOutlet = await TestData.OutletAsync(db, "sports-daily", "Sports Daily", OutletKind.Independent);

        var state = await TestData.ArticleAsync(db, stateOutlet, "Tokayev vows to restore order", Jan5, TokayevQuote, Toll, Resigned);
        var independent = await TestData.ArticleAsync(db, independentOutlet, "Protests go on in Almaty", Jan5.AddHours(5).AddMinutes(20),
            Protesters, Detained, Ageleulov);
        independent.IsSample = true;
        var wire = await TestData.ArticleAsync(db, wireOutlet, "Terrorists storm Almaty airport", Jan5.AddDays(1).AddHours(2), Airport, WireToll, Troops);
        // Earlier than all of them, but off topic: neither a column nor the first report.
        var offTopic = await TestData.ArticleAsync(db, sportsOutlet, "Club cancels match", Jan5.AddDays(-1), "The match is off.");
        offTopic.OnTopic = false;
        await db.SaveChangesAsync();
        await TestData.StoryAsync(db, StoryId, state, independent, wire, offTopic);

        db.ArticleQuotes.AddRange(
            Quote(state, QuoteKind.Direct, "We will destroy the terrorists", TokayevQuote, "kassym-jomart-tokayev", "Kassym-Jomart Tokayev"),
            Quote(independent, QuoteKind.Reported, "Dozens of people were detained", Detained, null, "Galym Ageleulov"),
            Quote(independent, QuoteKind.Direct, "The police have disappeared from the city", Ageleulov, null, "Galym Ageleulov"),
            Quote(wire, QuoteKind.Reported, "Some 2,500 troops arrived", Troops, "kassym-jomart-tokayev", "Tokayev"));
        db.ArticleFramings.AddRange(
            Framing(state, "terrorists", "terrorists", FramingVoice.Speaker, TokayevQuote, "kassym-jomart-tokayev", "Kassym-Jomart Tokayev"),
            Framing(independent, "protesters", "Protesters", FramingVoice.Outlet, Protesters),
            Framing(wire, "terrorists", "Terrorists", FramingVoice.Outlet, Airport));
        db.ArticleFigures.AddRange(
            Figure(state, Toll, "killed", 164, "at least", null, "people", "health-ministry-kz", "the health ministry"),
            Figure(independent, Detained, "detained", null, null, "dozens", "people", "Galym Ageleulov"),
            Figure(wire, WireToll, "killed", 164, null, null, "people", "the interior ministry"),
            Figure(wire, Troops, "troops", 2500, "some", null, "troops", "kassym-jomart-tokayev", "Tokayev"));
        await db.SaveChangesAsync();
        await TestData.TimelineEntryAsync(db, "government-resigns", "The government resigns", [], [],
            (state, new DateOnly(2022, 1, 5), Resigned), (independent, new DateOnly(2022, 1, 5), Protesters));
        await TestData.TimelineEntryAsync(db, "building-seized", "Almaty airport seized", [], [], (wire, new DateOnly(2022, 1, 6), Airport));
        (_state, _independent, _wire) = (state.Id, independent.Id, wire.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Api_gives_outlets_in_order_of_first_report_with_lag_figures_speakers_terms_and_what_only_each_has()
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/stories/{StoryId}/comparison"));
        var outlets = json.RootElement.GetProperty("outlets").EnumerateArray().ToList();
        Assert.Equal(["akorda-news", "steppe-free", "global-wire"], outlets.Select(o => o.GetProperty("outletSlug").GetString()));
        Assert.Equal(["first", "+5 h 20 min", "+1 d 2 h"], outlets.Select(o => o.GetProperty("lag").GetString()));
        Assert.Equal([0L, 320L, 1560L], outlets.Select(o => o.GetProperty("lagMinutes").GetInt64()));
        Assert.Equal("StateOwned", outlets[0].GetProperty("kind").GetString());
        Assert.True(outlets[1].GetProperty("isSample").GetBoolean());
        Assert.Equal(_state, outlets[0].GetProperty("firstArticle").GetProperty("id").GetInt64());

        // Figures as written, attributed by name, linked to their sentence.
        var stateFigure = Assert.Single(outlets[0].GetProperty("figures").GetProperty("items").EnumerateArray());
        Assert.Equal("at least 164", stateFigure.GetProperty("value").GetString());
        Assert.Equal("Ministry of Health of Kazakhstan", stateFigure.GetProperty("attributedTo").GetString());
        var tollAt = TokayevQuote.Length + 2;
        Assert.Equal($"/articles/{_state}?s={tollAt}&l={Toll.Length}#s{tollAt}", stateFigure.GetProperty("path").GetString());

        var speaker = Assert.Single(outlets[0].GetProperty("speakers").GetProperty("items").EnumerateArray());
        Assert.Equal("Kassym-Jomart Tokayev", speaker.GetProperty("name").GetString());
        Assert.Equal("Direct", speaker.GetProperty("sample").GetProperty("kind").GetString());
        var ageleulov = Assert.Single(outlets[1].GetProperty("speakers").GetProperty("items").EnumerateArray());
        Assert.Equal((2, 1, 1), (ageleulov.GetProperty("quotes").GetInt32(), ageleulov.GetProperty("direct").GetInt32(), ageleulov.GetProperty("reported").GetInt32()));
        Assert.Equal("The police have disappeared from the city", ageleulov.GetProperty("sample").GetProperty("text").GetString());

        // Tokayev's “terrorists” is his; the wire's is its own.
        var stateTerm = Assert.Single(outlets[0].GetProperty("framing").GetProperty("items").EnumerateArray());
        Assert.Equal(("terrorists", "Speaker", "Kassym-Jomart Tokayev"),
            (stateTerm.GetProperty("term").GetString(), stateTerm.GetProperty("voice").GetString(), stateTerm.GetProperty("speaker").GetString()));
        var wireTerm = Assert.Single(outlets[2].GetProperty("framing").GetProperty("items").EnumerateArray());
        Assert.Equal(("terrorists", "Outlet"), (wireTerm.GetProperty("term").GetString(), wireTerm.GetProperty("voice").GetString()));
        var terrorists = json.RootElement.GetProperty("framing").EnumerateArray().Single(r => r.GetProperty("term").GetString() == "terrorists");
        Assert.Equal((0, 1), Counts(terrorists.GetProperty("byOutlet").GetProperty("akorda-news")));
        Assert.Equal((1, 0), Counts(terrorists.GetProperty("byOutlet").GetProperty("global-wire")));
        Assert.False(terrorists.GetProperty("byOutlet").TryGetProperty("steppe-free", out _));
        Assert.Equal((0, 1), Counts(terrorists.GetProperty("byKind").GetProperty("StateOwned")));
        Assert.Equal((1, 0), Counts(terrorists.GetProperty("byKind").GetProperty("WireAgency")));

        // Shared facts (the resignation, 164 killed, Tokayev) are nobody's alone.
        var state = outlets[0].GetProperty("onlyHere");
        Assert.Equal(0, state.GetProperty("events").GetProperty("total").GetInt32() + state.GetProperty("figures").GetProperty("total").GetInt32()
            + state.GetProperty("speakers").GetProperty("total").GetInt32());
        var independent = outlets[1].GetProperty("onlyHere");
        Assert.Equal(["dozens"], Items(independent, "figures").Select(f => f.GetProperty("value").GetString()));
        Assert.Equal(["Galym Ageleulov"], Items(independent, "speakers").Select(s => s.GetProperty("name").GetString()));
        Assert.Empty(Items(independent, "events"));
        var wire = outlets[2].GetProperty("onlyHere");
        Assert.Equal(["building-seized"], Items(wire, "events").Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("/timeline/entries/2022-01-06/building-seized", Items(wire, "events")[0].GetProperty("entryPath").GetString());
        Assert.Equal(["troops"], Items(wire, "figures").Select(f => f.GetProperty("measure").GetString()));
        Assert.Empty(Items(wire, "speakers"));
    }

    [Fact]
    public async Task Page_shows_columns_in_order_and_credits_a_quoted_term_to_its_speaker()
    {
        using var client = site.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/stories/{StoryId}/comparison"));
        var columns = html.Split("<article class=\"outlet-column\"")[1..];
        Assert.Equal(3, columns.Length);
        Assert.Contains("Akorda News", columns[0]);
        Assert.Contains("Steppe Free Press", columns[1]);
        Assert.Contains("Global Wire", columns[2]);
        Assert.DoesNotContain("Sports Daily", html);
        Assert.Contains("<strong>first</strong> to report", columns[0]);
        Assert.Contains("<strong>+5 h 20 min</strong> after the first report", columns[1]);
        Assert.Contains("2 quotes: 1 direct, 1 reported", columns[1]);
        Assert.Contains("at least 164 people", columns[0]);
        Assert.Contains("per Ministry of Health of Kazakhstan", columns[0]);
        Assert.Contains("Sample data", columns[1]);
        Assert.DoesNotContain("Sample data", columns[0]);

        Assert.Contains("quoting Kassym-Jomart Tokayev", columns[0]);
        Assert.DoesNotContain("in the outlet's own voice", columns[0]);
        Assert.Contains("in the outlet's own voice", columns[2]);

        var onlyHere = columns[1][columns[1].IndexOf("class=\"only-here\"", StringComparison.Ordinal)..];
        Assert.Contains("Galym Ageleulov", onlyHere);
        Assert.Contains("detained: dozens of people", onlyHere);
        Assert.Contains("Nothing the other outlets lack.", columns[0]);

        // The summary table: Tokayev's use counted as quoted for the state outlet, the wire's as its own.
        var row = html[html.IndexOf("<tr data-term=\"terrorists\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var cells = Regex.Matches(row, "<td[^>]*>(.*?)</td>").Select(m => Regex.Replace(Regex.Replace(m.Groups[1].Value, "<[^>]+>", ""), @"\s+", " ").Trim());
        Assert.Equal(["0 +1 quoted", "–", "1"], cells);

        // Each fact links to its sentence, and the article page marks that sentence.
        var tollAt = TokayevQuote.Length + 2;
        var article = await client.GetStringAsync($"/articles/{_state}?s={tollAt}&l={Toll.Length}");
        Assert.Contains($"id=\"s{tollAt}\">{Toll}</mark>", article);

        Assert.Contains($"href=\"/stories/{StoryId}/comparison\"", await client.GetStringAsync($"/stories/{StoryId}"));
    }

    [Fact]
    public async Task Unknown_story_is_not_found()
    {
        using var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/stories/987654/comparison")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/stories/987654/comparison")).StatusCode);
    }

    [Fact]
    public async Task Reader_follows_compare_outlets_from_the_story_page_and_sees_the_columns()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
            await page.GotoAsync(new Uri(site.BaseAddress, $"/stories/{StoryId}").ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Compare outlets" }).ClickAndWaitForUrlAsync(page, $"**/stories/{StoryId}/comparison");

            var names = await page.Locator("article.outlet-column h2.outlet-name").AllInnerTextsAsync();
            Assert.Equal(["Akorda News", "Steppe Free Press", "Global Wire"], names);
            var first = page.Locator("article.outlet-column").First;
            Assert.True(await first.Locator("li.figure", new() { HasText = "at least 164" }).IsVisibleAsync());
            Assert.True(await first.Locator("li.speaker", new() { HasText = "Kassym-Jomart Tokayev" }).IsVisibleAsync());

            // At phone width the columns scroll sideways inside their box; the content around them does not.
            Assert.True(await page.Locator("main").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"));
            var scroller = page.Locator(".compare-scroll");
            Assert.True(await scroller.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"));
            var last = page.Locator("article.outlet-column").Last;
            await last.ScrollIntoViewIfNeededAsync();
            Assert.True(await last.Locator("li.speaker", new() { HasText = "Kassym-Jomart Tokayev" }).IsVisibleAsync());
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("story-comparison-phone"), FullPage = true });
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("story-comparison"), FullPage = true });
        }
    }

    private static (int Own, int Quoted) Counts(JsonElement cell) => (cell.GetProperty("own").GetInt32(), cell.GetProperty("quoted").GetInt32());

    private static List<JsonElement> Items(JsonElement onlyHere, string list) =>
        [.. onlyHere.GetProperty(list).GetProperty("items").EnumerateArray()];

    private static Task<long> Id(KazakhDbContext db, string title) => db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync();

    private static int At(Article article, string sentence) =>
        article.Text.IndexOf(sentence, StringComparison.Ordinal) is var at and >= 0 ? at : throw new ArgumentException($"'{sentence}' is not in the article");

    private static ArticleQuote Quote(Article article, QuoteKind kind, string text, string sentence, string? speakerId, string speaker) => new()
    {
        ArticleId = article.Id,
        Kind = kind,
        Text = text,
        SpeakerId = speakerId,
        Speaker = speaker,
        Cue = "said",
        Start = At(article, sentence),
        Length = text.Length,
        SentenceStart = At(article, sentence),
        SentenceLength = sentence.Length,
        Sentence = sentence,
    };

    private static ArticleFraming Framing(Article article, string term, string surface, FramingVoice voice, string sentence,
        string? speakerId = null, string? speaker = null) => new()
        {
            ArticleId = article.Id,
            Term = term,
            Surface = surface,
            Voice = voice,
            SpeakerId = speakerId,
            Speaker = speaker,
            Start = At(article, sentence) + sentence.IndexOf(surface, StringComparison.Ordinal),
            SentenceStart = At(article, sentence),
            SentenceLength = sentence.Length,
            Sentence = sentence,
        };

    private static ArticleFigure Figure(Article article, string sentence, string measure, decimal? value, string? qualifier, string? vague,
        string unit, string attributedTo, string? words = null) => new()
        {
            ArticleId = article.Id,
            Measure = measure,
            Low = value,
            High = value,
            Qualifier = qualifier,
            Vague = vague,
            Unit = unit,
            AttributedTo = attributedTo,
            AttributionText = words ?? attributedTo,
            SentenceStart = At(article, sentence),
            SentenceLength = sentence.Length,
            Sentence = sentence,
        };
}

public sealed class ComparisonColumnsTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private const int Outlets = KazakhUnrest.Web.Stories.ComparisonModel.MaxColumns + 2;

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        var articles = new List<Article>();
        for (var i = 0; i < Outlets; i++)
        {
            var outlet = await TestData.OutletAsync(db, $"outlet-{i:D2}", $"Outlet {i:D2}", OutletKind.Independent);
            articles.Add(await TestData.ArticleAsync(db, outlet, $"Report {i:D2}", new DateTimeOffset(2022, 1, 6, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
                "Troops landed in Almaty."));
        }

        await TestData.StoryAsync(db, 1, [.. articles]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_story_told_by_many_outlets_shows_the_first_to_report_and_all_on_request()
    {
        using var client = site.CreateClient();
        var page = await client.GetStringAsync("/stories/1/comparison");
        Assert.Equal(KazakhUnrest.Web.Stories.ComparisonModel.MaxColumns, Regex.Matches(page, "<article class=\"outlet-column").Count);
        Assert.Contains($"show all {Outlets}", page);
        Assert.DoesNotContain($"Outlet {Outlets - 1:D2}", page);
        var all = await client.GetStringAsync("/stories/1/comparison?all=true");
        Assert.Equal(Outlets, Regex.Matches(all, "<article class=\"outlet-column").Count);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/stories/1/comparison"));
        Assert.Equal(Outlets, json.RootElement.GetProperty("outlets").GetArrayLength());
    }
}
