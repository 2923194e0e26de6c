using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Shared;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>Every response carries the headers that keep outside text from running in a reader's browser.</summary>
public sealed class SecurityHeaderTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/articles")]
    [InlineData("/timeline")]
    [InlineData("/api/articles")]
    [InlineData("/articles/999999")]
    [InlineData("/css/site.css")]
    [InlineData("/js/search-shortcut.js")]
    public async Task Pages_api_errors_and_static_files_carry_the_security_headers(string path)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("https://example.com/news/1", true)]
    [InlineData("http://example.com/", true)]
    [InlineData("javascript://evil.example/%0aalert(document.domain)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("file:///captures/page.html", false)]
    [InlineData("/articles/1", false)]
    [InlineData(null, false)]
    public void Only_web_addresses_become_links(string? url, bool link) => Assert.Equal(link, OutsideLinks.IsWebLink(url));
}

/// <summary>Hostile query strings are refused with 400 naming the parameter, never a 500.</summary>
public sealed class HostileQueryTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/articles?country=kz%00", "country")]
    [InlineData("/stories?actor=%00tokayev", "actor")]
    [InlineData("/figures?measure=killed%00", "measure")]
    [InlineData("/timeline?outlet=a%01b", "outlet")]
    [InlineData("/articles?p=99999999", "p")]
    public async Task Pages_answer_400_with_the_error_page(string path, string parameter)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html);
        Assert.DoesNotContain("Exception", html);
        Assert.Contains($"&#x27;{parameter}&#x27;", html);
    }

    [Theory]
    [InlineData("/api/articles?country=kz%00", "country")]
    [InlineData("/api/figures?measure=killed%00", "measure")]
    [InlineData("/api/articles?page=99999999", "page")]
    [InlineData("/api/stories?page=0", "page")]
    public async Task The_api_answers_problem_json_naming_the_parameter(string path, string parameter)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"'{parameter}'", await response.Content.ReadAsStringAsync());
    }
}
