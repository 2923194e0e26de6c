using AngleSharp.Html.Parser;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
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

/// <summary>The search box in the header of every page, its "/" shortcut, and the main navigation marking where the reader is.</summary>
public sealed class HeaderSearchBrowserTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Slash_focuses_the_header_box_and_enter_searches_for_what_was_typed()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            await page.GotoAsync(Url("/timeline"));
            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" });
            Assert.Equal("/", await box.GetAttributeAsync("aria-keyshortcuts"));
            Assert.True(await page.Locator("form[role=search] kbd.shortcut").IsVisibleAsync());
            Assert.False(await IsFocusedAsync(box));
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("header-search-desktop") });
            Assert.Equal("page", await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
                .GetByRole(AriaRole.Link, new() { Name = "Timeline" }).GetAttributeAsync("aria-current"));

            await page.Keyboard.PressAsync("/");
            Assert.True(await IsFocusedAsync(box));
            Assert.False(await page.Locator("form[role=search] kbd.shortcut").IsVisibleAsync());
            // The key that focused the box is not typed into it; once in the box, "/" is the reader's to type.
            Assert.Equal("", await box.InputValueAsync());
            const string query = "Токаев \"state of emergency\" country:KZ a/b";
            await page.Keyboard.TypeAsync(query);
            Assert.Equal(query, await box.InputValueAsync());

            // Until the search page exists in this branch /search answers 404: only where the form leads is checked.
            var arrived = page.WaitForURLAsync("**/search?q=*");
            await page.Keyboard.PressAsync("Enter");
            await arrived;
            var url = new Uri(page.Url);
            Assert.Equal("/search", url.AbsolutePath);
            Assert.Equal(query, QueryHelpers.ParseQuery(url.Query)["q"].ToString());
        }
    }

    [Fact]
    public async Task The_query_a_page_was_opened_with_stays_in_the_box_as_text()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            const string query = "<b>\"Tokayev\"</b> & 'CSTO'";
            await page.GotoAsync(Url("/timeline?q=" + Uri.EscapeDataString(query)));
            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" });
            Assert.Equal(query, await box.InputValueAsync());
            Assert.Equal(0, await page.Locator("header b").CountAsync());

            // In a field, "/" is typed, not taken by the shortcut.
            await box.FocusAsync();
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.PressAsync("/");
            Assert.Equal(query + "/", await box.InputValueAsync());
        }
    }

    [Theory]
    [InlineData("/timeline", "Timeline")]
    [InlineData("/articles?topic=all", "Articles")]
    [InlineData("/entities", "Entities")]
    [InlineData("/sources", "Scraper status")]
    [InlineData("/accounts/sign-in", null)]
    public async Task The_main_navigation_marks_the_current_page(string path, string? current)
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync(path);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var marked = document.QuerySelectorAll("nav[aria-label=Main] a[aria-current=page]").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(current is null ? [] : [current], marked);
        Assert.Contains("Search", document.QuerySelectorAll("nav[aria-label=Main] a[href='/search']").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task At_phone_width_the_box_fits_without_scrolling_sideways()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 740 } });
            await page.GotoAsync(Url("/timeline"));
            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" });
            Assert.True(await box.IsVisibleAsync());
            var bounds = await box.BoundingBoxAsync();
            Assert.NotNull(bounds);
            Assert.True(bounds.X >= 0 && bounds.X + bounds.Width <= 375, $"box at {bounds.X}+{bounds.Width}");
            Assert.True(bounds.Width >= 200, $"box only {bounds.Width}px wide");
            var button = await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).BoundingBoxAsync();
            Assert.NotNull(button);
            Assert.True(button.X + button.Width <= 375, $"button at {button.X}+{button.Width}");
            Assert.Equal(375, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));

            await page.Keyboard.PressAsync("/");
            Assert.True(await IsFocusedAsync(box));
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("header-search-phone") });
        }
    }

    private string Url(string path) => new Uri(site.BaseAddress, path).ToString();

    private static Task<bool> IsFocusedAsync(ILocator element) => element.EvaluateAsync<bool>("e => e === document.activeElement");
}
