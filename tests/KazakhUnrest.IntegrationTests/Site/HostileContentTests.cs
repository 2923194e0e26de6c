using AngleSharp.Html.Parser;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// Pages whose every field carries script and whose canonical link is a javascript: address, imported from a WARC: no page
/// of the site links to a script, none carries a script element or a handler attribute, every response has the CSP, and a
/// reader clicking every link of the article page opens no dialog.
/// </summary>
public sealed class HostileContentTests(HostileSiteFixture site, ITestOutputHelper output) : IClassFixture<HostileSiteFixture>
{
    // Browsers drop these before reading the scheme ("java\tscript:" runs).
    private static readonly char[] Ignored = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    // Far more than the seed collection's pages; the filters' combinations on the timeline would otherwise go on and on.
    private const int MaxPages = 2_000;

    private static readonly string[] LinkAttributes = ["href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"];

    [Fact]
    public async Task The_import_kept_no_script_address_as_a_link()
    {
        await using var db = site.CreateContext();
        var hostile = await db.Articles.Where(a => a.CanonicalUrl.StartsWith("https://evil.example/")).ToListAsync();
        Assert.NotEmpty(hostile);
        Assert.Contains(hostile, a => a.Title.Contains("<script>", StringComparison.Ordinal));
        Assert.DoesNotContain(await db.Articles.Select(a => a.CanonicalUrl).ToListAsync(), u => u.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            && u.Contains("evil.example", StringComparison.Ordinal));
        var outlet = await db.Outlets.SingleAsync(o => o.Slug == "evil-wire");
        Assert.Null(outlet.Homepage);
        Assert.DoesNotContain(await db.Outlets.Select(o => o.Homepage).ToListAsync(), h => h != null && !h.StartsWith("http", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_page_of_the_site_loads_a_script_but_its_own_files_and_every_response_carries_the_policy()
    {
        using var client = site.CreateClient();
        var parser = new HtmlParser();
        var queue = new Queue<string>(["/", "/articles?topic=all", "/sources", "/entities", "/figures", "/framing", "/timeline", "/stories"]);
        foreach (var path in await HostileArticlePathsAsync())
        {
            queue.Enqueue(path);
        }

        var seen = new HashSet<string>(queue);
        var crawled = 0;
        var failures = new List<string>();
        while (queue.TryDequeue(out var path) && crawled < MaxPages)
        {
            using var response = await client.GetAsync(path);
            crawled++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{path}: {(int)response.StatusCode}");
            }

            if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || !csp.Single().Contains("default-src 'none'", StringComparison.Ordinal))
            {
                failures.Add($"{path}: no Content-Security-Policy");
            }

            // The API reference is Scalar's page, showing only our OpenAPI document, with its own policy (its loader is
            // inline); JsonApiTests checks it loads nothing from another origin.
            if (response.Content.Headers.ContentType?.MediaType != "text/html" || path.StartsWith(JsonApi.DocsPath, StringComparison.Ordinal))
            {
                continue;
            }

            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            // The site's own script files are the only script a page may load; nothing inline, nothing from elsewhere.
            failures.AddRange(document.QuerySelectorAll("script")
                .Where(s => s.GetAttribute("src") is not { } src || !src.StartsWith("/js/", StringComparison.Ordinal) || s.TextContent.Length > 0)
                .Select(s => $"{path}: <script src=\"{s.GetAttribute("src")}\">"));
            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        failures.Add($"{path}: <{element.LocalName} {attribute.Name}>");
                    }

                    if (LinkAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && RunsSomething(attribute.Value))
                    {
                        failures.Add($"{path}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                    }
                }

                if (element.LocalName == "a" && element.GetAttribute("href") is { } href && SameSite(path, href) is { } next && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        output.WriteLine($"{crawled} pages crawled");
        Assert.Empty(failures);
        // The whole seed collection is linked from the lists: far more pages than the start list.
        Assert.True(crawled > 50, $"only {crawled} pages crawled");
    }

    [Fact]
    public async Task The_javascript_canonical_is_shown_as_text_on_the_article_page()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync(await HostileArticlePathAsync());
        Assert.Contains("https://evil.example/unrest/report", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task A_reader_clicking_every_link_of_the_article_pages_opens_no_dialog()
    {
        var paths = await HostileArticlePathsAsync();
        // The report itself and the capture whose own address was a script.
        Assert.True(paths.Count >= 2, $"only {paths.Count} hostile articles stored");
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            // With the policy set aside, so that the links themselves are what is tested: the policy would stop a javascript:
            // link from running (its own test checks it is on every response).
            var page = await browser.NewPageAsync(new() { BypassCSP = true });
            var dialogs = new List<string>();
            page.Dialog += (_, dialog) =>
            {
                dialogs.Add($"{dialog.Type}: {dialog.Message}");
                _ = dialog.DismissAsync();
            };
            // The machine has no internet: another site's page is answered here, so that following "original" is a real navigation.
            await page.RouteAsync("**/*", route =>
                new Uri(route.Request.Url).Authority == site.BaseAddress.Authority
                    ? route.ContinueAsync()
                    : route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<p>another site</p>" }));

            var clicked = 0;
            foreach (var path in paths)
            {
                var articleUrl = new Uri(site.BaseAddress, path).ToString();
                await page.GotoAsync(articleUrl);
                var count = await page.Locator("a").CountAsync();
                Assert.True(count > 8, $"only {count} links on {path}");
                for (var i = 0; i < count; i++)
                {
                    await page.GotoAsync(articleUrl);
                    var link = page.Locator("a").Nth(i);
                    // Same tab, so that what the link does happens where the dialog handler listens.
                    await link.EvaluateAsync("a => a.removeAttribute('target')");
                    if (await link.BoundingBoxAsync() is not { X: >= 0, Y: >= 0 })
                    {
                        // A skip link sits off-screen until focused; following it by keyboard is what a reader does.
                        await link.FocusAsync();
                        await link.PressAsync("Enter");
                    }
                    else
                    {
                        await link.ClickAsync();
                    }

                    clicked++;
                    await page.WaitForLoadStateAsync(LoadState.Load);
                    await page.GoBackAsync();
                }
            }

            output.WriteLine($"{clicked} links clicked on {paths.Count} article pages");
            Assert.Empty(dialogs);
            Assert.True(clicked > 20, $"only {clicked} links clicked");
        }
    }

    /// <summary>Every article page made from the hostile WARC.</summary>
    private async Task<List<string>> HostileArticlePathsAsync()
    {
        await using var db = site.CreateContext();
        var ids = await db.Articles.Where(a => a.Capture != null && a.Capture.OriginDetail!.StartsWith("hostile.warc.gz"))
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        return [.. ids.Select(id => $"/articles/{id}")];
    }

    private async Task<string> HostileArticlePathAsync()
    {
        await using var db = site.CreateContext();
        var id = await db.Articles.Where(a => a.CanonicalUrl == HostileSiteFixture.HostileUrl).Select(a => a.Id).SingleAsync();
        return $"/articles/{id}";
    }

    private static bool RunsSomething(string value)
    {
        var scheme = new string([.. value.Where(c => !Ignored.Contains(c))]).ToLowerInvariant();
        return scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("vbscript:", StringComparison.Ordinal)
            // data: images inline in a chart are the site's own; data: documents are not.
            || (scheme.StartsWith("data:", StringComparison.Ordinal) && !scheme.StartsWith("data:image/", StringComparison.Ordinal));
    }

    /// <summary>The site-relative path a link leads to, or null for another site, a fragment or a raw capture.</summary>
    private static string? SameSite(string from, string href)
    {
        if (!Uri.TryCreate(new Uri("http://site.test" + from), href, out var target) || target.Authority != "site.test")
        {
            return null;
        }

        var path = target.PathAndQuery;
        return path.StartsWith("/captures/", StringComparison.Ordinal) ? null : path;
    }
}
