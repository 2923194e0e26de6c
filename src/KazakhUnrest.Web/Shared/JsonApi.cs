using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Scalar.AspNetCore;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// What every endpoint under <c>/api</c> shares, whichever feature maps it: errors as <c>application/problem+json</c>
/// (RFC 9457) instead of the site's error page, <c>ETag</c> and <c>304 Not Modified</c> on every JSON answer to a GET,
/// and an OpenAPI description at <c>/openapi/v1.json</c> with an interactive reference (Scalar) at <c>/api/docs</c>.
/// Query parameters are checked before any endpoint runs, in one table for pages and API alike (<see cref="InputGuard"/>).
/// </summary>
public static class JsonApi
{
    public const string Prefix = "/api";

    /// <summary>Where the reference page lives; its page is Scalar's own, with the inline script its loader needs.</summary>
    public const string DocsPath = "/api/docs";

    /// <summary>Where each OpenAPI document is; the site has one, <see cref="DocumentPath"/>.</summary>
    public const string DocumentPattern = "/openapi/{documentName}.json";

    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>
    /// The most items a list endpoint gives per page (<c>pageSize</c>; the site's own pages show <see cref="SiteOptions.PageSize"/>):
    /// a client pages through 100,000 articles in a thousand requests, and one request still costs a page's query, not the
    /// collection's. A larger size is refused with 400, never quietly cut.
    /// </summary>
    public const int MaxPageSize = 100;

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments(Prefix);

    public static WebApplicationBuilder AddJsonApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o =>
        {
            // The pages, the CSV file and the feeds have their own descriptions (the pages themselves, RFC 4287).
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            // Records are named by their feature ("StoryQueries.Detail" as StoryQueriesDetail): the tags' ListItem and the
            // stories' ListItem are different shapes, and one name for both would describe one of them wrongly.
            o.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.DeclaringType is { } feature
                ? feature.Name + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "KazakhUnrest API";
                document.Info.Description = "Reports of the January 2022 unrest in Kazakhstan: articles, stories, the timeline, figures, "
                    + "framing, tags and the editors' corrections. Errors are application/problem+json; every GET answers with an ETag "
                    + "and 304 Not Modified to a matching If-None-Match.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>
    /// Errors of API requests as problem details. Placed after the site's error page handlers, so it is nearer the
    /// endpoints and answers first: a 404 or an exception under /api never reaches the HTML error page.
    /// </summary>
    public static WebApplication UseJsonApiErrors(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            // The default writer leaves the exception out of the body outside Development: no internals are shown.
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }

    /// <summary>
    /// Maps the features' endpoints through <paramref name="map"/> in one group that adds the shared behaviour, then the
    /// OpenAPI document and its reference page.
    /// </summary>
    public static WebApplication MapJsonApi(this WebApplication app, Action<IEndpointRouteBuilder> map)
    {
        var group = app.MapGroup("");
        group.AddEndpointFilter(ConditionalJsonAsync);
        ((IEndpointConventionBuilder)group).Finally(DescribeErrors);
        map(group);

        app.MapOpenApi(DocumentPattern).CacheOutput(PageCache.Policy);
        app.MapScalarApiReference(DocsPath, o => o
            .WithTitle("KazakhUnrest API")
            // Its default fonts come from Scalar's servers; the page loads nothing from another origin.
            .DisableDefaultFonts()
            .WithOpenApiRoutePattern(DocumentPattern));
        return app;
    }

    /// <summary>A 200 JSON answer to a GET becomes a <see cref="ConditionalGet"/> one: same body, with its ETag, or 304.</summary>
    private static async ValueTask<object?> ConditionalJsonAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!IsApi(http) || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            return result;
        }

        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        return inner is IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK }
            and not IContentTypeHttpResult
            ? ConditionalGet.Json(value)
            : result;
    }

    /// <summary>
    /// Documents the errors an endpoint under /api can answer, as the middleware above and <see cref="InputGuard"/> write
    /// them: 400 for a bad parameter or body, 404 for an unknown id in the path, 401 and 403 where an account is needed,
    /// 500 everywhere. Runs last, so it sees the authorization the feature put on its group.
    /// </summary>
    private static void DescribeErrors(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder { RoutePattern: var pattern } || !IsApiPattern(pattern))
        {
            return;
        }

        var codes = new List<int> { StatusCodes.Status400BadRequest, StatusCodes.Status500InternalServerError };
        if (pattern.Parameters.Count > 0)
        {
            codes.Add(StatusCodes.Status404NotFound);
        }

        if (endpoint.Metadata.OfType<IAuthorizeData>().Any() || endpoint.Metadata.OfType<AuthorizationPolicy>().Any())
        {
            codes.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        }

        // A bare TypedResults.NotFound() in a handler's signature documents a 404 without a body; the body is a problem.
        foreach (var bare in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Where(m => codes.Contains(m.StatusCode) && (m.Type is null || m.Type == typeof(void))).ToList())
        {
            endpoint.Metadata.Remove(bare);
        }

        var documented = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
        foreach (var code in codes.Where(c => !documented.Contains(c)))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(code, typeof(ProblemDetails), ["application/problem+json"]));
        }

        if (endpoint.Metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Contains(HttpMethods.Get)))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
        }
    }

    private static bool IsApiPattern(RoutePattern pattern) =>
        pattern.RawText is { } raw && (raw == Prefix || raw.StartsWith(Prefix + "/", StringComparison.Ordinal)) && !raw.StartsWith(DocsPath, StringComparison.Ordinal);
}
