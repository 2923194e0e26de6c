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
    public async Task Pages_api_errors_and_static_files_carry_the_security_headers(string path)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'none'", csp);
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
    public void Only_web_addresses_become_links(string? url, bool link) => Assert.Equal(link, SecurityHeaders.IsWebLink(url));
}
