using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// Every route of the site, taken from its own endpoint list (a new page or endpoint is fuzzed without being named here),
/// with hostile values in each route value, each query parameter its handler takes and each field of its JSON body: no
/// answer is a 500, and none shows internals (exception types, stack frames, the database driver, source paths).
/// </summary>
public sealed partial class RouteFuzzTests(HostileSiteFixture site, ITestOutputHelper output) : IClassFixture<HostileSiteFixture>
{
    /// <summary>Hostile values as they travel in a URL: already percent-encoded, some of them wrongly on purpose.</summary>
    private static readonly string[] HostileQueryValues =
    [
        "%00", "a%00b", "%01%1B%7F", "%0D%0ASet-Cookie:%20x=1",
        new('x', 5_000), new('x', 100_000),
        "-1", "0", "2147483648", "-2147483649", "99999999999999999999", "1e309", "NaN",
        "2022-13-45", "0000-00-00", "9999-12-31", "-0001-01-01",
        "Bogus", "__proto__",
        "'%20OR%201=1--", "1;DROP%20TABLE%20articles;--", "%3Cscript%3Ealert(1)%3C/script%3E", "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
        "%C3%28", "%FF%FE", "%ED%A0%80", "%E2%82", "%", "%G1", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    ];

    /// <summary>Hostile values of a JSON body field, as JSON.</summary>
    private static readonly string[] HostileJsonValues =
    [
        "\"\\u0000\"", "\"a\\u0001b\"", $"\"{new string('x', 100_000)}\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1--\"",
        "-1", "0", "9223372036854775808", "1e400", "null", "true", "\"Bogus\"", "[]", "{}", $"[{string.Join(",", Enumerable.Range(1, 20_000))}]",
        "\"\\ud800\"",
    ];

    /// <summary>Whole bodies that are not what any endpoint reads.</summary>
    private static readonly string[] HostileBodies = ["", "not json", "{", "null", "[]", new('[', 10_000), "{\"a\":" + new string('1', 100_000) + "}"];

    [Fact]
    public async Task Every_route_with_hostile_values_answers_without_a_500_or_internals()
    {
        var endpoints = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .ToList();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints found");

        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", HostileSiteFixture.EditorKey);
        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var parameters = InputsOf(endpoint);
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                // Route values: each hostile value in every one at once, and an ordinary one ("1") for the query and body rounds.
                foreach (var value in HostileQueryValues)
                {
                    requests++;
                    await CheckAsync(client, method, Path(endpoint, value), method == "POST" ? "{}" : null, failures);
                }

                var path = Path(endpoint, "1");
                foreach (var name in parameters.Query)
                {
                    foreach (var value in HostileQueryValues)
                    {
                        requests++;
                        var status = await CheckAsync(client, method, $"{path}?{name}={value}", method == "POST" ? "{}" : null, failures);
                        if (value.Contains("%00", StringComparison.Ordinal) && status != HttpStatusCode.BadRequest)
                        {
                            failures.Add($"{method} {path}?{name}={value}: {(int)status}, not 400");
                        }
                    }
                }

                if (method != "POST")
                {
                    continue;
                }

                foreach (var body in HostileBodies)
                {
                    requests++;
                    await CheckAsync(client, method, path, body, failures);
                }

                foreach (var field in parameters.BodyFields)
                {
                    foreach (var value in HostileJsonValues)
                    {
                        requests++;
                        await CheckAsync(client, method, path, $"{{\"{field}\":{value}}}", failures);
                    }
                }
            }
        }

        output.WriteLine($"{endpoints.Count} endpoints, {requests} requests");
        Assert.Empty(failures);
    }

    [Fact]
    public void The_fuzz_finds_the_query_parameters_of_pages_and_endpoints()
    {
        var endpoints = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Inputs Of(string pattern) => InputsOf(endpoints.First(e => e.RoutePattern.RawText?.Trim('/') == pattern));

        Assert.Contains("topic", Of("articles").Query);
        Assert.Contains("p", Of("articles").Query);
        Assert.Contains("page", Of("api/articles").Query);
        Assert.Contains("day", Of("api/timeline").Query);
        Assert.Contains("voice", Of("framing/{term}").Query);
        Assert.Contains("note", Of("api/stories/{id:long}/split").BodyFields);
        Assert.Contains("articleIds", Of("api/stories/{id:long}/split").BodyFields);
    }

    private static async Task<HttpStatusCode> CheckAsync(HttpClient client, string method, string pathAndQuery, string? body, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(client.BaseAddress!, pathAndQuery));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var shown = pathAndQuery.Length > 120 ? pathAndQuery[..120] + "…" : pathAndQuery;
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{method} {shown}: {(int)response.StatusCode}");
        }

        // A script file (the API reference's bundle) is code, which names exception types; answers are pages, JSON and text.
        var script = response.Content.Headers.ContentType?.MediaType is "text/javascript" or "application/javascript";
        if (!script && Internals().Match(text) is { Success: true } leak)
        {
            failures.Add($"{method} {shown}: shows \"{leak.Value}\"");
        }

        return response.StatusCode;
    }

    /// <summary>The route's path with every parameter filled with <paramref name="value"/> (already encoded).</summary>
    private static string Path(RouteEndpoint endpoint, string value) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => value,
        }))));

    private sealed record Inputs(IReadOnlyList<string> Query, IReadOnlyList<string> BodyFields);

    /// <summary>
    /// What a route reads besides its route values: a minimal API handler's simple parameters and its body's properties, or a
    /// Razor page's handler parameters (the page model found by the page's path, as the Razor SDK names it).
    /// </summary>
    private static Inputs InputsOf(RouteEndpoint endpoint)
    {
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        IEnumerable<ParameterInfo> handlerParameters;
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            handlerParameters = handler.GetParameters();
        }
        else if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page
                 && typeof(Program).Assembly.GetType("KazakhUnrest.Web" + page.ViewEnginePath.Replace('/', '.') + "Model") is { } model
                 && model.IsAssignableTo(typeof(PageModel)))
        {
            handlerParameters = model.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters());
        }
        else
        {
            return new([], []);
        }

        var query = new List<string>();
        var body = new List<string>();
        foreach (var parameter in handlerParameters.Where(p => p.Name is not null && !routeNames.Contains(p.Name)))
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(decimal))
            {
                query.Add(parameter.Name!);
            }
            else if (type.IsClass && type.Namespace?.StartsWith("KazakhUnrest", StringComparison.Ordinal) == true)
            {
                // A request record: bound from the JSON body, its properties named in camelCase.
                body.AddRange(type.GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]));
            }
        }

        return new(query, body);
    }

    // Exception type names, .NET stack frames, the database driver, source paths.
    [GeneratedRegex(@"\b\w+Exception\b|\bat \w+(\.\w+)+\(|Npgsql|\.cs:line|/work/|/src/KazakhUnrest|KazakhUnrest\.(Web|Core|Scraper)\.")]
    private static partial Regex Internals();
}
