using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class BrowserTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        var outlet = await TestData.OutletAsync(db, "steppe-wire", "Steppe Wire");
        await TestData.ArticleAsync(db, outlet, "Fuel protests reach Aktau", new DateTimeOffset(2022, 1, 3, 8, 0, 0, TimeSpan.Zero),
            "Crowds gathered in the central square.", "Officials promised a review of gas prices.");
        await TestData.ArticleAsync(db, outlet, "Government resigns", new DateTimeOffset(2022, 1, 5, 6, 0, 0, TimeSpan.Zero),
            "The president accepted the cabinet's resignation.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reader_opens_the_list_and_follows_an_article()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(site.BaseAddress, "/articles").ToString());
            var links = page.Locator("a.article-link");
            Assert.Equal(2, await links.CountAsync());
            Assert.Equal("Government resigns", (await links.First.InnerTextAsync()).Trim());

            await page.GetByRole(AriaRole.Link, new() { Name = "Fuel protests reach Aktau" }).ClickAndWaitForUrlAsync(page, "**/articles/*");
            Assert.Equal("Fuel protests reach Aktau", (await page.Locator("h1").InnerTextAsync()).Trim());
            Assert.Equal(2, await page.Locator(".article .body p").CountAsync());
            Assert.Contains("Officials promised a review of gas prices.", await page.Locator(".article .body").InnerTextAsync());
            Assert.True(await page.GetByText("Provenance").IsVisibleAsync());

            var path = Browser.ScreenshotPath("article-page");
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 1000);
        }
    }
}
