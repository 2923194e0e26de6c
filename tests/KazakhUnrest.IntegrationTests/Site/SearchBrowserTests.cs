using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// A reader's search in Chromium on the seeds: a name typed in Cyrillic in the header box, narrowed by a country and a
/// day, a result opened with its words marked; at desktop and phone width.
/// </summary>
public sealed class SearchBrowserTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(375, 740, "phone")]
    public async Task A_reader_searches_narrows_by_country_and_day_and_opens_a_result_with_its_words_marked(int width, int height, string name)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            await page.GotoAsync(new Uri(site.BaseAddress, "/timeline").AbsoluteUri);
            await page.Keyboard.PressAsync("/");
            await page.Keyboard.TypeAsync("Токаев");
            var searched = page.WaitForURLAsync("**/search?q=*");
            await page.Keyboard.PressAsync("Enter");
            await searched;

            var results = page.Locator("section.results ol.results > li");
            var all = await results.CountAsync();
            Assert.True(all >= 3, $"{all} results for Токаев");
            // The seeds are English: every result matched through the name, and says so.
            Assert.Equal(all, await page.Locator("section.results p.matched-by", new() { HasTextString = "Kassym-Jomart Tokayev" }).CountAsync());
            Assert.True(await page.Locator("section.results mark").First.IsVisibleAsync());

            var facets = page.GetByRole(AriaRole.Complementary, new() { Name = "Narrow the results" });
            await facets.GetByRole(AriaRole.Link, new() { Name = "Kazakhstan", Exact = true }).ClickAndWaitForUrlAsync(page, "**/search?q=*country*");
            Assert.Contains("country:KZ", await page.GetByRole(AriaRole.Searchbox, new() { Name = "Words, names in any script, \"phrases\", OR, -excluded, filters" }).InputValueAsync());
            Assert.Equal(all, await results.CountAsync());

            var day = facets.Locator("ul.days a").First;
            var dayText = await day.Locator(".count").InnerTextAsync();
            await day.ClickAndWaitForUrlAsync(page, "**/search?q=*from*");
            Assert.Equal(int.Parse(dayText, System.Globalization.CultureInfo.InvariantCulture), await results.CountAsync());
            Assert.True(await page.Locator("p.chosen a.chip").CountAsync() >= 2, "the chosen country and days are shown and removable");
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"search-{name}"), FullPage = true });

            await results.First.Locator("h3 a").ClickAndWaitForUrlAsync(page, "**/articles/*");
            var marked = page.Locator("main mark");
            Assert.True(await marked.CountAsync() > 0, "the article page marks what the search matched");
            Assert.True(await marked.First.IsVisibleAsync());
            Assert.Equal(width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        }
    }
}
