using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// The JSON API as a client programs against it: the OpenAPI document describes every /api route the site maps (taken
/// from its own endpoint list) with what it really answers, every error is problem+json naming what was wrong, and every
/// GET answers with an ETag and 304 to a client that holds the current answer.
/// </summary>
public sealed class JsonApiTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task The_openapi_document_lists_every_api_route_with_its_errors()
    {
        using var client = site.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(JsonApi.DocumentPath));
        var paths = document.RootElement.GetProperty("paths");

        var missing = new List<string>();
        var routes = 0;
        foreach (var (path, method, endpoint) in ApiRoutes())
        {
            routes++;
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                missing.Add($"{method} {path}: not in the document");
                continue;
            }

            var responses = operation.GetProperty("responses");
            var expected = new List<string> { "400", "500" };
            if (path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null)
            {
                expected.AddRange(["401", "403"]);
            }

            foreach (var code in expected)
            {
                if (!responses.TryGetProperty(code, out var response)
                    || !response.TryGetProperty("content", out var content) || !content.TryGetProperty(ProblemJson, out _))
                {
                    missing.Add($"{method} {path}: no {code} problem+json response");
                }
            }

            if (method == "GET" && !responses.TryGetProperty("200", out _))
            {
                missing.Add($"{method} {path}: no 200 response");
            }

            if (path.Contains('{', StringComparison.Ordinal) && !Parameters(operation).Any(p => p.In == "path"))
            {
                missing.Add($"{method} {path}: its path parameters are not described");
            }
        }

        Assert.True(routes >= 30, $"only {routes} /api routes found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Each_get_answers_a_seed_request_as_documented()
    {
        using var client = site.CreateClient();
        client.UseBearer(await site.TokenAsync("editor"));
        using var document = JsonDocument.Parse(await client.GetStringAsync(JsonApi.DocumentPath));
        var root = document.RootElement;
        var ids = await SeedIdsAsync();
        var failures = new List<string>();
        var checkedRoutes = 0;
        foreach (var (path, method, _) in ApiRoutes().Where(r => r.Method == "GET"))
        {
            var url = Fill(path, ids);
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
                continue;
            }

            var schema = root.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            SchemaCheck.Matches(body.RootElement, schema, root, url, failures);
            checkedRoutes++;
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedRoutes >= 14, $"only {checkedRoutes} GET routes checked");
    }

    [Theory]
    [InlineData("/api/articles/987654321")]
    [InlineData("/api/stories/987654321")]
    [InlineData("/api/stories/987654321/related")]
    [InlineData("/api/stories/987654321/comparison")]
    [InlineData("/api/tags/no-such-tag")]
    [InlineData("/api/outlets/no-such-outlet")]
    [InlineData("/api/no-such-endpoint")]
    public async Task Unknown_ids_answer_404_as_problem_json(string path)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_failure_inside_answers_500_as_problem_json_without_internals()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using var factory = new SiteFixture.SiteFactory(database, _ => { });
            factory.StartServer();
            var address = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stories")).StatusCode);

            // The database goes away under the running site: the next query fails inside the endpoint.
            await PostgresServer.DropDatabaseAsync(database);
            using var response = await client.GetAsync("/api/articles");

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
            foreach (var internals in new[] { "Npgsql", "Exception", "   at ", ".cs:line", "database", "postgres" })
            {
                Assert.DoesNotContain(internals, body, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    [Theory]
    [InlineData("/api/articles?page=0", "page")]
    [InlineData("/api/articles?page=-1", "page")]
    [InlineData("/api/articles?page=abc", "page")]
    [InlineData("/api/articles?pageSize=100000", "pageSize")]
    [InlineData("/api/articles?pageSize=0", "pageSize")]
    [InlineData("/api/articles?topic=sideways", "topic")]
    [InlineData("/api/stories?sort=random", "sort")]
    [InlineData("/api/stories?pageSize=101", "pageSize")]
    [InlineData("/api/stories?from=2022-13-45", "from")]
    [InlineData("/api/stories?to=yesterday", "to")]
    [InlineData("/api/timeline?day=bad", "day")]
    [InlineData("/api/timeline?kind=Tabloid", "kind")]
    [InlineData("/api/search?q=tokayev&view=pictures", "view")]
    [InlineData("/api/search?q=tokayev&pageSize=-5", "pageSize")]
    [InlineData("/api/tags/sample?page=0", "page")]
    public async Task Bad_parameters_answer_400_as_problem_json_naming_them(string path, string parameter)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains($"'{parameter}'", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_page_size_within_the_cap_is_honoured()
    {
        using var client = site.CreateClient();
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/articles?topic=all"));
        Assert.True(all.RootElement.GetProperty("total").GetInt32() > 2);

        using var two = JsonDocument.Parse(await client.GetStringAsync("/api/articles?topic=all&pageSize=2&page=2"));
        Assert.Equal(2, two.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2, two.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal(all.RootElement.GetProperty("items")[2].GetProperty("id").GetInt64(),
            two.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Editors_endpoints_without_an_account_answer_401_as_problem_json()
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/api/audit");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/stories?sort=most")]
    [InlineData("/api/timeline")]
    [InlineData("/api/figures")]
    [InlineData("/api/framing")]
    [InlineData("/api/tags")]
    public async Task Gets_carry_an_etag_and_answer_304_to_a_client_holding_it(string path)
    {
        using var client = site.CreateClient();
        using var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(ConditionalGet.EntityTag(await first.Content.ReadAsByteArrayAsync()), etag.Tag);

        using var poll = new HttpRequestMessage(HttpMethod.Get, path);
        poll.Headers.IfNoneMatch.Add(etag);
        using var again = await client.SendAsync(poll);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-answer\""));
        using var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task The_reference_page_shows_the_document_in_chromium_from_the_sites_own_files()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var requested = new List<string>();
            var refused = new List<string>();
            page.Request += (_, request) => requested.Add(request.Url);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    refused.Add(message.Text);
                }
            };
            var response = await page.GotoAsync(new Uri(site.BaseAddress, JsonApi.DocsPath).ToString());
            Assert.Equal(200, response!.Status);

            // An operation of ours, rendered from the document the page fetched.
            await page.GetByText("/api/stories/{id}/comparison").First.WaitForAsync(new() { Timeout = 30_000 });
            Assert.Contains(requested, url => new Uri(url).AbsolutePath == JsonApi.DocumentPath);
            Assert.All(requested.Where(url => url.StartsWith("http", StringComparison.Ordinal)),
                url => Assert.Equal(site.BaseAddress.Authority, new Uri(url).Authority));
            Assert.DoesNotContain(refused, text => text.Contains("Content Security Policy", StringComparison.Ordinal));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Every /api route the site maps, as the OpenAPI document writes its path ("{id:long}" as "{id}").</summary>
    private IEnumerable<(string Path, string Method, RouteEndpoint Endpoint)> ApiRoutes() =>
        from endpoint in site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let raw = endpoint.RoutePattern.RawText
        where raw is not null && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.StartsWith(JsonApi.DocsPath, StringComparison.Ordinal)
        from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
        where method != "HEAD"
        select (Normalize(endpoint.RoutePattern), method, endpoint);

    private static string Normalize(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var path = "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static IEnumerable<(string Name, string In)> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!))
            : [];

    private async Task<Dictionary<string, string>> SeedIdsAsync()
    {
        await using var db = site.CreateContext();
        var article = await db.Articles.Where(a => a.StoryId != null).OrderBy(a => a.Id).FirstAsync();
        var outlet = await db.Outlets.Where(o => o.Id == article.OutletId).Select(o => o.Slug).FirstAsync();
        var tag = await db.Tags.OrderBy(t => t.Id).Select(t => t.Slug).FirstOrDefaultAsync();
        if (tag is null)
        {
            db.Tags.Add(new Core.Tags.Tag { Slug = "api-check", Name = "API check", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            tag = "api-check";
        }

        return new()
        {
            ["{id}"] = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{slug}"] = outlet,
        };
    }

    /// <summary>The route with seed ids: a story's id where the path is a story's, an article's where an article's.</summary>
    private string Fill(string path, Dictionary<string, string> ids)
    {
        using var db = site.CreateContext();
        if (path.StartsWith("/api/stories/{id}", StringComparison.Ordinal))
        {
            var story = db.Articles.Where(a => a.StoryId != null).OrderBy(a => a.Id).Select(a => a.StoryId!.Value).First();
            return path.Replace("{id}", story.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (path.StartsWith("/api/tags/{slug}", StringComparison.Ordinal))
        {
            return path.Replace("{slug}", db.Tags.OrderBy(t => t.Id).Select(t => t.Slug).First(), StringComparison.Ordinal);
        }

        if (path == "/api/search")
        {
            return path + "?q=tokayev";
        }

        return ids.Aggregate(path, (p, id) => p.Replace(id.Key, id.Value, StringComparison.Ordinal));
    }
}

/// <summary>
/// Whether a JSON answer has the shape its OpenAPI schema gives: every property it holds is one the schema names,
/// through references, arrays, nullable and combined schemas.
/// </summary>
internal static class SchemaCheck
{
    public static void Matches(JsonElement value, JsonElement schema, JsonElement document, string at, List<string> failures)
    {
        schema = Resolve(schema, document);
        foreach (var combined in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(combined, out var parts))
            {
                var fitting = parts.EnumerateArray().Select(p => Resolve(p, document))
                    .FirstOrDefault(p => Types(p).Contains(Kind(value)), parts[0]);
                Matches(value, fitting, document, at, failures);
                return;
            }
        }

        var types = Types(schema);
        if (types.Count > 0 && !types.Contains(Kind(value)) && !(Kind(value) == "integer" && types.Contains("number"))
            && !(Kind(value) == "string" && (types.Contains("integer") || types.Contains("number"))))
        {
            failures.Add($"{at}: a {Kind(value)} where the document says {string.Join("|", types)}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in value.EnumerateObject())
            {
                if (!properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    failures.Add($"{at}: property '{property.Name}' is not in the document");
                    continue;
                }

                Matches(property.Value, propertySchema, document, $"{at}.{property.Name}", failures);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items) && value.GetArrayLength() > 0)
        {
            Matches(value[0], items, document, $"{at}[0]", failures);
        }
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        for (var hops = 0; hops < 16 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            schema = target;
        }

        return schema;
    }

    private static HashSet<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
