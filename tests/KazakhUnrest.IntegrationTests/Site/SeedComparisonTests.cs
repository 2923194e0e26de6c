using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>The seeds imported into an empty database: quotes, framing and the pages that compare outlets.</summary>
public sealed class SeedComparisonTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    private async Task<(Dictionary<long, string> Segments, long CstoStory)> SeedsAsync()
    {
        await using var db = site.CreateContext();
        var segments = await SeedSegments.IdsAsync(db);
        var article = segments.Single(s => s.Value == "003b").Key;
        var story = await db.Articles.Where(a => a.Id == article).Select(a => a.StoryId).SingleAsync();
        return (segments, story!.Value);
    }

    [Fact]
    public async Task Terrorists_inside_Tokayevs_quotes_count_for_Tokayev_not_for_the_outlets()
    {
        var (segments, _) = await SeedsAsync();
        await using var db = site.CreateContext();
        var uses = await db.ArticleFramings.AsNoTracking().Where(f => f.Term == "terrorists").ToListAsync();
        foreach (var segment in new[] { "003b", "004" })
        {
            var here = uses.Where(u => segments[u.ArticleId] == segment).ToList();
            Assert.NotEmpty(here);
            Assert.All(here, u => Assert.Equal((FramingVoice.Speaker, "kassym-jomart-tokayev"), (u.Voice, u.SpeakerId)));
        }
        Assert.DoesNotContain(uses, u => u.Voice == FramingVoice.Outlet && segments[u.ArticleId] is "001" or "003b" or "004");
    }

    [Fact]
    public async Task The_csto_story_compares_003b_and_004_side_by_side_with_dates_quotes_and_framing()
    {
        var (segments, story) = await SeedsAsync();
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/stories/{story}/comparison"));
        var columns = json.RootElement.GetProperty("outlets").EnumerateArray().ToList();
        var bySegment = columns.ToDictionary(c => segments[c.GetProperty("firstArticle").GetProperty("id").GetInt64()]);
        Assert.Equal(["003b", "004"], bySegment.Keys.Order());

        // 004 prints 6 January; 003b prints no date and is dated from its story and the weekdays it names.
        Assert.StartsWith("2022-01-06", bySegment["004"].GetProperty("firstPublishedAt").GetString());
        Assert.Equal("2022-01-06", bySegment["003b"].GetProperty("firstArticle").GetProperty("inferredPublishedOn").GetString());
        // Captured years later, 003b counts from the day its text gives, not from the capture: the same day as 004.
        Assert.Equal(("the same day", true), (bySegment["003b"].GetProperty("lag").GetString(), bySegment["003b"].GetProperty("lagByDay").GetBoolean()));

        static IEnumerable<string?> Speakers(JsonElement column) =>
            column.GetProperty("speakers").GetProperty("items").EnumerateArray().Select(s => s.GetProperty("speakerId").GetString());
        Assert.Contains("kassym-jomart-tokayev", Speakers(bySegment["003b"]));
        Assert.Contains("galym-ageleulov", Speakers(bySegment["003b"]));
        Assert.Contains("kassym-jomart-tokayev", Speakers(bySegment["004"]));
        foreach (var column in bySegment.Values)
        {
            var terrorists = column.GetProperty("framing").GetProperty("items").EnumerateArray()
                .Where(f => f.GetProperty("term").GetString() == "terrorists").ToList();
            Assert.NotEmpty(terrorists);
            Assert.All(terrorists, f => Assert.Equal(("Speaker", "kassym-jomart-tokayev"), (f.GetProperty("voice").GetString(), f.GetProperty("speakerId").GetString())));
        }

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/stories/{story}/comparison"));
        foreach (var expected in new[] { "a band of terrorists", "The police have disappeared from the city", "quoting Kassym-Jomart Tokayev", "Galym Ageleulov" })
        {
            Assert.True(page.Contains(expected, StringComparison.Ordinal), $"“{expected}” missing from the comparison page");
        }

        Assert.Contains($"/stories/{story}/comparison", await client.GetStringAsync($"/stories/{story}"));
    }

    [Fact]
    public async Task A_reader_compares_the_csto_story_then_reads_the_figures_tracker_in_chromium()
    {
        var (_, story) = await SeedsAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(site.BaseAddress, $"/stories/{story}").ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = "Compare outlets" }).ClickAndWaitForUrlAsync(page, $"**/stories/{story}/comparison");

            // Both are of 6 January; 004 printed its date, 003b's day is inferred, and a printed date goes first.
            var columns = page.Locator("article.outlet-column");
            Assert.Equal(2, await columns.CountAsync());
            Assert.Contains("004_", await columns.Nth(0).Locator("h2").InnerTextAsync());
            Assert.Contains("003_", await columns.Nth(1).Locator("h2").InnerTextAsync());
            Assert.Contains("Kassym-Jomart Tokayev", await columns.Nth(0).InnerTextAsync());
            var second = await columns.Nth(1).InnerTextAsync();
            Assert.Contains("Galym Ageleulov", second);
            Assert.Contains("quoting Kassym-Jomart Tokayev", second);
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("seed-comparison"), FullPage = true });

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Figures" })
                .ClickAndWaitForUrlAsync(page, "**/figures");
            var injured = page.Locator("#m-injured-people");
            Assert.True(await injured.Locator("svg.figure-chart circle.point").CountAsync() >= 1);
            var rows = await injured.Locator("tbody tr:not(.group)").AllInnerTextsAsync();
            Assert.Contains(rows, r => r.Contains("over 1,300", StringComparison.Ordinal) && r.Contains("Ministry of Health", StringComparison.Ordinal)
                && r.Contains("000_", StringComparison.Ordinal));
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("seed-figures"), FullPage = true });
        }
    }

    [Fact]
    public async Task The_framing_page_credits_terrorists_to_Tokayev_and_links_each_count_to_its_sentences()
    {
        using var client = site.CreateClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/framing"));
        var speakers = page[page.IndexOf("Inside quotes, by speaker", StringComparison.Ordinal)..];
        var tokayev = speakers[speakers.IndexOf(">Kassym-Jomart Tokayev<", StringComparison.Ordinal)..];
        Assert.Matches(@"terrorists \d", tokayev[..tokayev.IndexOf("</tr>", StringComparison.Ordinal)]);

        var his = WebUtility.HtmlDecode(await client.GetStringAsync("/framing/terrorists?voice=Speaker&speaker=kassym-jomart-tokayev"));
        Assert.Contains("calling the protesters “a band of terrorists”", his);
        Assert.Contains("between the “terrorists” and air force", his);
        var outlets = WebUtility.HtmlDecode(await client.GetStringAsync("/framing/terrorists?voice=Outlet"));
        Assert.DoesNotContain("a band of terrorists", outlets);
        Assert.DoesNotContain("between the “terrorists”", outlets);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/framing/no-such-term")).StatusCode);
    }

    [Fact]
    public async Task The_figures_tracker_lists_every_seed_figure_with_outlet_and_attribution()
    {
        var (segments, _) = await SeedsAsync();
        await using var db = site.CreateContext();
        var names = await db.Entities.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name);
        using var client = site.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/figures"));
        var rows = json.RootElement.EnumerateArray().ToList();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/figures"));
        foreach (var gold in SeedSegments.Gold("figures"))
        {
            var segment = gold.GetProperty("source").GetString()!;
            var value = gold.GetProperty("value").GetString()!;
            var number = Regex.Match(value, @"\d[\d,.]*");
            // "Kazakhstan Ministry of Health" names the country too; the attribution is the ministry.
            var attributed = gold.GetProperty("attributed_to").GetString() is { } words
                ? names[EntityMatcher.Seed.Find(words).First(m => m.Kind != EntityKind.Country).EntityId]
                : null;
            var row = rows.FirstOrDefault(r => segments[r.GetProperty("articleId").GetInt64()] == segment
                && (number.Success
                    ? r.GetProperty("low").ValueKind == JsonValueKind.Number && r.GetProperty("low").GetDecimal() == decimal.Parse(number.Value.Replace(",", ""), CultureInfo.InvariantCulture)
                    : r.GetProperty("vague").GetString() == value)
                && (attributed is null || r.GetProperty("attributedTo").GetString() == attributed));
            Assert.True(row.ValueKind == JsonValueKind.Object, $"{segment}: {gold.GetProperty("measure").GetString()} {value} ({attributed})");
            var outlet = row.GetProperty("outlet").GetString()!;
            Assert.Contains(outlet, page);
            if (attributed is not null)
            {
                Assert.Contains(attributed, page);
            }
        }
    }

    [Fact]
    public async Task The_csto_story_page_says_who_is_quoted_by_which_outlet()
    {
        var (_, story) = await SeedsAsync();
        using var client = site.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/stories/{story}"));
        var quoted = html[html.IndexOf("Who is quoted, by which outlet", StringComparison.Ordinal)..];
        foreach (var expected in new[] { "Kassym-Jomart Tokayev", "a band of terrorists", "Galym Ageleulov", "The police have disappeared from the city" })
        {
            Assert.True(quoted.Contains(expected, StringComparison.Ordinal), $"“{expected}” missing from: {quoted}");
        }
    }
}
