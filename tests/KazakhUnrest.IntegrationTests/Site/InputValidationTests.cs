using System.Net;
using System.Text;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>The site with editing on, for the body checks.</summary>
public sealed class EditingSiteFixture : SiteFixture
{
    public const string EditorKey = "validation-editor-key";

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Api:EditorKey", EditorKey);
}

/// <summary>Unknown enum values, malformed numbers and dates, overlong values: 400 naming the parameter, never a 500 or a silent default.</summary>
public sealed class InputValidationTests(EditingSiteFixture site) : IClassFixture<EditingSiteFixture>
{
    [Theory]
    [InlineData("/articles?topic=sideways", "topic")]
    [InlineData("/stories?sort=random", "sort")]
    [InlineData("/stories?from=2022-13-45", "from")]
    [InlineData("/timeline?day=yesterday", "day")]
    [InlineData("/timeline?kind=Tabloid", "kind")]
    [InlineData("/entities?kind=WireAgency", "kind")] // an outlet kind, not an entity kind
    [InlineData("/framing/protest?voice=Narrator", "voice")]
    [InlineData("/figures?by=weather", "by")]
    [InlineData("/stories/1/comparison?all=maybe", "all")]
    [InlineData("/articles/1?s=-5&l=3", "s")]
    [InlineData("/articles?p=abc", "p")]
    public async Task Pages_refuse_values_outside_a_parameters_form(string path, string parameter)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"&#x27;{parameter}&#x27;", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/articles?topic=ALL")]
    [InlineData("/timeline?kind=wireagency&country=&day=2022-01-05")]
    [InlineData("/entities?kind=Person")]
    [InlineData("/stories?sort=most-covered&from=2022-01-01&to=")]
    [InlineData("/figures?by=source&measure=killed")]
    public async Task The_sites_own_values_pass(string path)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/articles?outlet=", "outlet")]
    [InlineData("/api/stories?actor=", "actor")]
    [InlineData("/api/figures?measure=", "measure")]
    public async Task Overlong_values_are_refused_naming_the_parameter(string path, string parameter)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path + new string('x', InputGuard.MaxValueLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"'{parameter}'", body);
        Assert.Contains("longer than 200", body);
    }

    [Fact]
    public async Task An_overlong_route_value_is_refused_naming_it()
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/entities/" + new string('q', InputGuard.MaxValueLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("route value &#x27;id&#x27;", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"into\": 2, \"note\": \"a\\u0000b\"}", "note", "control character")]
    [InlineData("{\"into\": 2, \"note\": \"LONG\"}", "note", "longer than 2,000")]
    [InlineData("{\"into\": 2, \"note\"", "body", "not well-formed JSON")]
    public async Task Editing_bodies_are_checked_field_by_field(string body, string named, string problem)
    {
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", EditingSiteFixture.EditorKey);
        using var content = new StringContent(body.Replace("LONG", new string('n', InputGuard.MaxFieldLength + 1), StringComparison.Ordinal), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/stories/1/merge", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(named, text);
        Assert.Contains(problem, text);
    }

    [Fact]
    public async Task A_note_over_several_lines_passes_the_guard()
    {
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", EditingSiteFixture.EditorKey);
        using var content = new StringContent("{\"into\": 2, \"note\": \"first line\\nsecond line\\ttabbed\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/stories/1/merge", content);

        // Past the guard, the edit itself refuses: there is no story 1.
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("control character", text);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Form_fields_with_control_characters_are_refused()
    {
        using var client = site.CreateClient();
        using var form = new FormUrlEncodedContent([new("reason", "fine\u0007not")]);
        using var response = await client.PostAsync("/Error", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("form field &#x27;reason&#x27;", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_with_a_nul_byte_is_refused_not_a_500()
    {
        using var client = site.CreateClient();
        using var form = new FormUrlEncodedContent([new("reason", "fine\u0000not")]);
        using var response = await client.PostAsync("/Error", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL byte", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Links to other sites and the status page's errors, as rendered.</summary>
public sealed class OutsideLinkTests
{
    [Theory]
    [InlineData("https://example.com/news/1?a=1&b=2", null, "<a href=\"https://example.com/news/1?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\">https://example.com/news/1?a=1&amp;b=2</a>")]
    [InlineData("https://example.com/", "original", "<a href=\"https://example.com/\" rel=\"noopener noreferrer nofollow\">original</a>")]
    [InlineData("javascript://evil.example/%0aalert(document.domain)", null, "javascript://evil.example/%0aalert(document.domain)")]
    [InlineData("javascript:alert(1)", "original", "")]
    [InlineData(" javascript:alert(1)", "original", "")]
    [InlineData("data:text/html,<script>alert(1)</script>", null, "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("vbscript:msgbox(1)", "original", "")]
    [InlineData("//evil.example/", "original", "")]
    [InlineData("http:///nohost", "original", "")]
    [InlineData(null, "original", "")]
    public void Only_a_web_address_becomes_a_link(string? url, string? label, string expected)
    {
        using var writer = new StringWriter();
        ((IHtmlHelper)null!).OutsideLink(url, label).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Equal(expected, writer.ToString());
    }

    [Theory]
    [InlineData("Refused: refused to connect to feed.example: it resolves to 10.1.2.3, a private address, which is not in Fetch:AllowedPrivateNetworks",
        "Refused: refused to connect to feed.example: it resolves to [address], a private address, which is not in Fetch:AllowedPrivateNetworks")]
    [InlineData("refused to connect to v6.example: it resolves to fd00:ec2::254, the cloud metadata address",
        "refused to connect to v6.example: it resolves to [address], the cloud metadata address")]
    [InlineData("it resolves to ::ffff:169.254.169.254, the cloud metadata address", "it resolves to [address], the cloud metadata address")]
    [InlineData("NotFound: HTTP 404 from http://127.0.0.1:8080/rss (http://[::1]:8080/rss)", "NotFound: HTTP 404 from http://127.0.0.1:8080/rss (http://[::1]:8080/rss)")]
    [InlineData("timed out after 10:30:00", "timed out after 10:30:00")]
    public void The_status_page_shows_no_resolved_address(string error, string shown) =>
        Assert.Equal(shown, KazakhUnrest.Web.Sources.IndexModel.PublicError(error));
}
