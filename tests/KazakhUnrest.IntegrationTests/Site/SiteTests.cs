using System.Net;
using System.Text.Json;
using KazakhUnrest.IntegrationTests.Infrastructure;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class EmptySiteTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Healthz_reports_database_reachable_and_current()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Empty_article_list_says_how_to_add_content()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/articles");
        Assert.Contains("No articles yet", html);
        Assert.Contains("import", html);
        Assert.Contains("sources", html);
    }

    [Fact]
    public async Task Home_on_an_empty_collection_says_how_to_fill_it()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No stories yet: import captures or run the scraper.", html);
        Assert.DoesNotContain("Sample data.", html);
    }

    [Fact]
    public async Task Unknown_article_is_a_friendly_404()
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync("/articles/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/articles/987654")).StatusCode);
    }
}

public sealed class ArticleSiteTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Jan5 = new(2022, 1, 5, 9, 30, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (db.Articles.Any())
        {
            return;
        }

        var wire = await TestData.OutletAsync(db);
        var daily = await TestData.OutletAsync(db, "caspian-daily", "Caspian Daily");
        // 30 articles over days so the list pages (25 a page by default).
        for (var i = 0; i < 30; i++)
        {
            await TestData.ArticleAsync(db, i % 2 == 0 ? wire : daily, $"Report number {i:00}", Jan5.AddHours(i),
                $"Paragraph one of report {i:00}.", $"Paragraph two of report {i:00}.");
        }

        await TestData.ArticleAsync(db, daily, "Undated <b>bold</b> claim", null, "A paragraph with <script>alert(1)</script> markup.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_is_newest_first_with_outlet_and_dates_and_pages()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/articles");
        Assert.Contains("31 articles", html);
        Assert.Contains("Page 1 of 2", html);
        // The undated article sorts by first-seen time (now), so it comes first; then the newest dated one.
        Assert.True(html.IndexOf("Report number 29", StringComparison.Ordinal) < html.IndexOf("Report number 28", StringComparison.Ordinal));
        Assert.Contains("Caspian Daily", html);
        Assert.Contains("2022-01-06 14:30 UTC", html); // report 29: Jan 5 09:30 + 29h
        Assert.Contains("not stated", html);

        var page2 = await client.GetStringAsync("/articles?p=2");
        Assert.Contains("Report number 00", page2);
        Assert.DoesNotContain("Report number 29", page2);
    }

    [Fact]
    public async Task List_filters_by_outlet()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/articles?outlet=caspian-daily");
        Assert.Contains("16 articles from caspian-daily", html);
        Assert.DoesNotContain("Report number 28", html); // even numbers are Test Wire's
    }

    [Fact]
    public async Task Article_page_shows_paragraphs_and_provenance()
    {
        await using var db = site.CreateContext();
        var article = db.Articles.Single(a => a.Title == "Report number 07");
        using var client = site.CreateClient();
        var html = await client.GetStringAsync($"/articles/{article.Id}");
        Assert.Contains("<p>Paragraph one of report 07.</p>", html);
        Assert.Contains("Provenance", html);
        Assert.Contains(article.CanonicalUrl, html);
        Assert.Contains($"/captures/{article.CaptureId}/raw", html);
        Assert.Contains("Fetched at", html);
    }

    [Fact]
    public async Task Outside_text_is_encoded_never_rendered_as_markup()
    {
        await using var db = site.CreateContext();
        var article = db.Articles.Single(a => a.Title.StartsWith("Undated"));
        using var client = site.CreateClient();
        var html = await client.GetStringAsync($"/articles/{article.Id}");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<b>bold</b>", html);
    }

    [Fact]
    public async Task Raw_capture_is_served_as_inert_text()
    {
        await using var db = site.CreateContext();
        var article = db.Articles.Single(a => a.Title == "Report number 03");
        using var client = site.CreateClient();
        var response = await client.GetAsync($"/captures/{article.CaptureId}/raw");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<p>Paragraph two of report 03.</p>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_lists_and_returns_articles()
    {
        using var client = site.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/articles?page=1"));
        Assert.Equal(31, list.RootElement.GetProperty("total").GetInt32());
        var first = list.RootElement.GetProperty("items")[0];
        var id = first.GetProperty("id").GetInt64();

        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/articles/{id}"));
        Assert.Equal(first.GetProperty("title").GetString(), detail.RootElement.GetProperty("title").GetString());
        Assert.Equal("Paragraph", detail.RootElement.GetProperty("body")[0].GetProperty("kind").GetString());
    }
}
