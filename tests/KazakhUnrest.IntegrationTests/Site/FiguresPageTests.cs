using System.Net;
using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class FiguresPageTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Jan6 = new(2022, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jan9 = new(2022, 1, 9, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jan15 = new(2022, 1, 15, 8, 0, 0, TimeSpan.Zero);

    private long _toll164, _toll225, _criminals, _dozens, _police120, _retold164, _almaty103, _over4000, _detained4500;

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (!await db.ArticleFigures.AnyAsync())
        {
            await SeedAsync(db);
        }

        var ids = await db.ArticleFigures.ToDictionaryAsync(f => f.Sentence, f => f.Id);
        (_toll164, _toll225, _criminals, _dozens, _police120, _retold164, _almaty103, _over4000, _detained4500) = (
            ids["At least 164 people were killed, according to the health ministry."], ids["The death toll rose to 225, the health ministry said."],
            ids["Officials said 26 armed criminals had been liquidated."], ids["Dozens of people were killed."], ids["Police said 120 people were killed."],
            ids["The earlier toll of 164 was withdrawn."], ids["Of those killed, 103 died in Almaty."],
            ids["Over 4,000 people have been detained."], ids["Police detained 4,500 people."]);
    }

    private static async Task SeedAsync(KazakhDbContext db)
    {
        await TestData.EntityAsync(db, "interior-ministry", EntityKind.Organisation, "Interior Ministry", "KZ");
        await TestData.EntityAsync(db, "almaty", EntityKind.Place, "Almaty", "KZ");
        var daily = await TestData.OutletAsync(db, "caspian-daily", "Caspian Daily", OutletKind.Independent);
        var wire = await TestData.OutletAsync(db, "steppe-wire", "Steppe Wire");

        async Task FigureAsync(Outlet outlet, DateTimeOffset published, string measure, decimal? value, string? attributedTo,
            string sentence, string? qualifier = null, string? vague = null, string unit = "people", bool sample = false, string? attribution = null,
            string? place = null, bool background = false)
        {
            var article = await TestData.ArticleAsync(db, outlet, sentence.Split(' ', 4)[..3].Aggregate((a, b) => a + " " + b), published, sentence);
            article.IsSample = sample;
            db.ArticleFigures.Add(new ArticleFigure
            {
                ArticleId = article.Id,
                Measure = measure,
                Low = value,
                High = value,
                Qualifier = qualifier,
                Vague = vague,
                Unit = unit,
                AttributedTo = attributedTo,
                AttributionText = attribution ?? attributedTo,
                SentenceStart = 0,
                SentenceLength = sentence.Length,
                Sentence = sentence,
                Place = place,
                Background = background,
            });
            await db.SaveChangesAsync();
        }

        await FigureAsync(daily, Jan9, "killed", 164, "health ministry", "At least 164 people were killed, according to the health ministry.",
            qualifier: "at least", attribution: "according to the health ministry, \"Kazakhstan\"");
        await FigureAsync(wire, Jan15, "killed", 225, "health ministry", "The death toll rose to 225, the health ministry said.");
        await FigureAsync(wire, Jan6, "killed-armed-criminals", 26, "interior-ministry", "Officials said 26 armed criminals had been liquidated.");
        await FigureAsync(daily, Jan6, "killed", null, null, "Dozens of people were killed.", vague: "dozens");
        await FigureAsync(daily, Jan6, "killed", 120, "police", "Police said 120 people were killed.");
        // Retold in a later report: kept and listed, but not a report of the 15th.
        await FigureAsync(daily, Jan15, "killed", 164, null, "The earlier toll of 164 was withdrawn.", background: true);
        // A part of the 9 January toll: its own section, compared with nothing here.
        await FigureAsync(daily, Jan9, "killed", 103, null, "Of those killed, 103 died in Almaty.", place: "almaty");
        await FigureAsync(daily, Jan6, "detained", 4_000, null, "Over 4,000 people have been detained.", qualifier: "over", sample: true);
        await FigureAsync(wire, Jan6, "detained", 4_500, null, "Police detained 4,500 people.");
        await FigureAsync(daily, Jan6, "price-per-litre", 120, null, "A litre of LPG costs 120 tenge.", unit: "tenge");
        await FigureAsync(wire, Jan6, "price-per-litre", 0.27m, null, "A litre of gas costs USD 0.27.", unit: "USD");

        var offTopic = await TestData.ArticleAsync(db, daily, "Club news", Jan9, "=cmd| 3 goals were scored.");
        offTopic.OnTopic = false;
        db.ArticleFigures.Add(new ArticleFigure { ArticleId = offTopic.Id, Measure = "killed", Low = 3, High = 3, Unit = "people", Sentence = offTopic.Text });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_page_marks_revisions_and_disagreements_and_draws_a_chart_per_measure_and_unit()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/figures");
        Assert.Contains("at least 164", html);
        Assert.DoesNotContain("Club news", html);

        Assert.Contains($"<tr id=\"f{_toll225}\" class=\"figure revision\">", html);
        Assert.Contains($"href=\"#f{_toll164}\" title=\"Revised up by the same source\">Revision (was at least 164)</a>", html);
        // Like with like: the armed criminals killed are not set against the dozens killed in all, the police's 120 is.
        Assert.Contains($"<tr id=\"f{_criminals}\" class=\"figure\">", html);
        Assert.Contains($"<tr id=\"f{_dozens}\" class=\"figure disagrees\">", html);
        Assert.Contains($"href=\"#f{_police120}\">120 (Caspian Daily, police)</a>", WebUtility.HtmlDecode(html));
        Assert.Contains($"<tr id=\"f{_retold164}\" class=\"figure background\">", html);
        Assert.Contains("<span class=\"mark background\"", html);
        Assert.Contains($"<tr id=\"f{_almaty103}\" class=\"figure\">", html);
        Assert.Contains("id=\"m-killed-almaty-people-title\">killed in Almaty <span", html);
        Assert.Contains($"<tr id=\"f{_toll164}\" class=\"figure\">", html);
        Assert.Contains($"<tr id=\"f{_over4000}\" class=\"figure\">", html); // over 4,000 and 4,500 agree
        Assert.Contains("Sample data", html);

        Assert.Contains("<svg class=\"figure-chart\"", html);
        Assert.Contains("data-measure=\"price-per-litre\" data-unit=\"tenge\"", html);
        Assert.Contains("data-measure=\"price-per-litre\" data-unit=\"USD\"", html);
        // The background 164 is listed but not drawn, and the Almaty part has a chart of its own.
        Assert.Contains("role=\"img\" aria-label=\"Chart of 4 killed figures in people by outlet, 6 January to 15 January 2022, in 2 series;", html);
        Assert.Contains("1 of these figures are not drawn", html);
        Assert.Contains("role=\"img\" aria-label=\"Chart of 1 killed in Almaty figures in people by outlet, 9 January 2022, in 1 series;", html);
        Assert.DoesNotContain("Only the first", html);

        // A measure is compared only with itself, so the filtered page holds all it is compared with.
        var filtered = await client.GetStringAsync("/figures?measure=killed&by=source");
        Assert.DoesNotContain($"id=\"f{_criminals}\"", filtered);
        Assert.DoesNotContain("measure=killed-armed-criminals", filtered);
        Assert.Contains($"href=\"#f{_police120}\"", filtered);
        Assert.Contains("aria-current=\"page\">By attributed source</a>", filtered);
        Assert.Contains("href=\"/figures?measure=killed\"", filtered);
    }

    [Fact]
    public async Task Api_and_csv_carry_the_reference_day_revision_and_disagreement()
    {
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/figures?measure=killed"));
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt64());
        Assert.Equal(new[] { _toll164, _toll225, _dozens, _police120, _retold164, _almaty103 }.Order(), rows.Keys.Order());
        Assert.Equal("at least 164", rows[_toll164].GetProperty("value").GetString());
        Assert.Equal(164, rows[_toll164].GetProperty("low").GetDecimal());
        Assert.Equal("2022-01-09", rows[_toll164].GetProperty("referenceDay").GetString());
        Assert.Equal(JsonValueKind.Null, rows[_toll164].GetProperty("revisionOf").ValueKind);
        Assert.Equal(_toll164, rows[_toll225].GetProperty("revisionOf").GetInt64());
        Assert.Equal("up", rows[_toll225].GetProperty("revision").GetString());
        Assert.Equal([_police120], rows[_dozens].GetProperty("disagreesWith").EnumerateArray().Select(e => e.GetInt64()));
        Assert.True(rows[_retold164].GetProperty("background").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[_retold164].GetProperty("referenceDay").ValueKind);
        Assert.Empty(rows[_retold164].GetProperty("disagreesWith").EnumerateArray());
        Assert.Equal(("almaty", "Almaty"), (rows[_almaty103].GetProperty("place").GetString(), rows[_almaty103].GetProperty("placeName").GetString()));
        Assert.Empty(rows[_almaty103].GetProperty("disagreesWith").EnumerateArray());
        Assert.Empty(rows[_toll225].GetProperty("disagreesWith").EnumerateArray());

        using var csv = await client.GetAsync("/figures.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("measure,value,low,high", lines[0]);
        Assert.EndsWith(",sentence,id,reference_day,revision_of,disagrees_with,place,background", lines[0]);
        Assert.Contains(lines, l => l.EndsWith($",{_toll225},2022-01-15,{_toll164},,,false", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($",{_dozens},2022-01-06,,{_police120},,false", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($",{_detained4500},2022-01-06,,,,false", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($",{_retold164},,,,,true", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($",{_almaty103},2022-01-09,,,Almaty,false", StringComparison.Ordinal));
        // A field with a comma and quotes is quoted and its quotes doubled.
        Assert.Contains(lines, l => l.Contains("\"according to the health ministry, \"\"Kazakhstan\"\"\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("=cmd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reader_sees_the_rows_and_chart_then_switches_the_chart_to_attributed_sources()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            await page.GotoAsync(new Uri(site.BaseAddress, "/figures").ToString());

            var killed = page.Locator("#m-killed-people");
            Assert.Equal(["Caspian Daily", "Steppe Wire"], (await killed.Locator("tr.group th").AllInnerTextsAsync()).Select(t => t.Trim()));
            var reports = killed.Locator("tr.figure:not(.background)");
            Assert.Equal(["dozens", "120", "at least 164", "225"], await reports.Locator("td.value").AllInnerTextsAsync());
            Assert.Equal(["Caspian Daily", "Caspian Daily", "Caspian Daily", "Steppe Wire"],
                (await reports.Locator("td.outlet").AllInnerTextsAsync()).Select(t => t.Trim()));
            Assert.Equal(["not attributed", "police", "health ministry", "health ministry"], await reports.Locator("td.source").AllInnerTextsAsync());
            Assert.Contains("background", await page.Locator($"#f{_retold164} td.value").InnerTextAsync());
            Assert.Contains("Revision (was at least 164)", await page.Locator($"#f{_toll225} td.compared").InnerTextAsync());
            Assert.Contains("Disagrees with", await page.Locator($"#f{_dozens} td.compared").InnerTextAsync());

            var chart = killed.Locator("svg.figure-chart");
            Assert.Equal("img", await chart.GetAttributeAsync("role"));
            Assert.Equal(2, await chart.Locator("g.series").CountAsync());
            Assert.Equal(4, await chart.Locator("circle.point").CountAsync());
            Assert.Equal(0, await chart.Locator($"circle[data-id='{_retold164}']").CountAsync());
            // A line only for a series of two points or more: Caspian Daily's, not Steppe Wire's.
            Assert.Equal(1, await chart.Locator("g.series[data-series='Caspian Daily'] polyline").CountAsync());
            Assert.Equal(0, await chart.Locator("g.series[data-series='Steppe Wire'] polyline").CountAsync());
            Assert.Equal(1, await chart.Locator("g.series[data-series='Steppe Wire'] circle.point").CountAsync());
            Assert.Contains("Caspian Daily · health ministry · 9 January 2022: at least 164 people",
                await chart.Locator($"a:has(circle[data-id='{_toll164}']) title").TextContentAsync());
            Assert.Equal(["Caspian Daily", "Steppe Wire"], await killed.Locator("ul.legend li").AllInnerTextsAsync());
            Assert.Equal(2, await page.Locator("svg.figure-chart[data-measure='price-per-litre']").CountAsync());
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("figures-by-outlet"), FullPage = true });

            await page.GetByRole(AriaRole.Link, new() { Name = "By attributed source" }).ClickAndWaitForUrlAsync(page, "**/figures?by=source");
            killed = page.Locator("#m-killed-people");
            Assert.Equal(["health ministry", "not attributed", "police"], await killed.Locator("ul.legend li").AllInnerTextsAsync());
            // The ministry's two tolls are one series now, joined by a line.
            Assert.Equal(2, await killed.Locator("g.series[data-series='health ministry'] circle.point").CountAsync());
            Assert.Equal(1, await killed.Locator("g.series[data-series='health ministry'] polyline").CountAsync());
            Assert.Equal(["health ministry", "not attributed", "police"], (await killed.Locator("tr.group th").AllInnerTextsAsync()).Select(t => t.Trim()));
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("figures-by-source"), FullPage = true });

            await page.Locator($"#f{_dozens} a.conflict").ClickAndWaitForUrlAsync(page, $"**#f{_police120}");
            Assert.Equal("120", (await page.Locator($"#f{_police120} td.value").InnerTextAsync()).Trim());
        }
    }
}

/// <summary>Its own database: more figures than a page shows.</summary>
public sealed class FiguresPageLimitTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (await db.ArticleFigures.AnyAsync())
        {
            return;
        }

        var outlet = await TestData.OutletAsync(db);
        var article = await TestData.ArticleAsync(db, outlet, "Many numbers", new DateTimeOffset(2022, 1, 7, 8, 0, 0, TimeSpan.Zero), "Numbers.");
        db.ArticleFigures.AddRange(Enumerable.Range(1, FigureQueries.Limit + 1).Select(i => new ArticleFigure
        {
            ArticleId = article.Id,
            Measure = "injured",
            Low = i,
            High = i,
            Unit = "people",
            Sentence = "Numbers.",
        }));
        db.ArticleFigures.Add(new ArticleFigure { ArticleId = article.Id, Measure = "detained", Low = 1, High = 1, Unit = "people", Sentence = "Numbers." });
        // Nine outlets, nine tolls for one day: each disagrees with the eight others.
        for (var i = 1; i <= 9; i++)
        {
            var other = await TestData.OutletAsync(db, $"tolls-{i}", $"Tolls {i}", OutletKind.Independent);
            var report = await TestData.ArticleAsync(db, other, $"Toll {i}", new DateTimeOffset(2022, 1, 8, 8, 0, 0, TimeSpan.Zero), $"{i * 10} people were killed.");
            db.ArticleFigures.Add(new ArticleFigure { ArticleId = report.Id, Measure = "killed", Low = i * 10, High = i * 10, Unit = "people", Sentence = report.Text });
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_row_links_the_first_figures_it_disagrees_with_and_counts_the_rest()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/figures?measure=killed");
        Assert.Equal(9, System.Text.RegularExpressions.Regex.Matches(html, "and 5 more").Count);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/figures?measure=killed"));
        Assert.NotEmpty(json.RootElement.EnumerateArray());
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal((8, 8), (r.GetProperty("disagreements").GetInt32(), r.GetProperty("disagreesWith").GetArrayLength())));
        // Nine outlets are more than the chart's colours: seven keep theirs, two are drawn grey together.
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(html, "<g class=\"series\"").Count);
        Assert.Contains("data-series=\"2 other outlets\"", html);
    }

    [Fact]
    public async Task A_cut_list_says_so_and_a_measure_filter_shows_the_rest()
    {
        using var client = site.CreateClient();
        // Without a measure each measure gets its share: the detained figure and the nine tolls are listed beside the first injured ones.
        Assert.Contains($"Only the first {FigureQueries.PerMeasure} figures of each measure are shown", await client.GetStringAsync("/figures"));
        using (var json = JsonDocument.Parse(await client.GetStringAsync("/api/figures")))
        {
            Assert.Equal(FigureQueries.PerMeasure + 1 + 9, json.RootElement.GetArrayLength());
        }

        Assert.DoesNotContain("Only the first", await client.GetStringAsync("/figures?measure=detained"));
        Assert.Contains($"Only the first {FigureQueries.Limit} figures are shown", await client.GetStringAsync("/figures?measure=injured"));
        using var injured = JsonDocument.Parse(await client.GetStringAsync("/api/figures?measure=injured"));
        Assert.Equal(FigureQueries.Limit, injured.RootElement.GetArrayLength());
    }
}
