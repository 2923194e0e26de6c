using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Search;

public static class SearchApi
{
    public static IServiceCollection AddSearch(this IServiceCollection services) => services.AddSingleton<SearchNames>();

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).CacheOutput(PageCache.Policy);
        return app;
    }

    /// <summary>Results, facets and highlights as JSON; a query that cannot run answers 400 with the reason.</summary>
    private static async Task<Results<Ok<SearchQueries.Found>, ProblemHttpResult>> SearchAsync(KazakhDbContext db, SearchNames names,
        IOptions<SiteOptions> site, string? q, string? topic, string? sort, string? view, int? page, CancellationToken ct)
    {
        if (page is < 1)
        {
            return TypedResults.Problem("page starts at 1.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter: page");
        }

        var query = SearchQuery.Parse(q);
        var options = new SearchQueries.Options(SearchQueries.Options.NormalizeTopic(topic), SearchQueries.Options.NormalizeSort(sort),
            SearchQueries.Options.NormalizeView(view), page ?? 1, site.Value.PageSize);
        var found = await SearchQueries.SearchAsync(db, names, query, options, ct);
        return query.Error is not null || query.IsEmpty
            ? TypedResults.Problem(found.Error, statusCode: StatusCodes.Status400BadRequest, title: query.IsEmpty ? "Invalid parameter: q (empty)" : "Invalid parameter: q")
            : TypedResults.Ok(found);
    }
}
