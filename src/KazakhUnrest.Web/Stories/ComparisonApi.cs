using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KazakhUnrest.Web.Stories;

/// <summary>/api/stories/{id}/comparison: the data of the comparison page.</summary>
public static class ComparisonApi
{
    public static IEndpointRouteBuilder MapComparisonApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stories/{id:long}/comparison", GetAsync).CacheOutput(PageCache.Policy);
        return app;
    }

    private static async Task<Results<Ok<ComparisonQueries.Comparison>, RedirectHttpResult, NotFound>> GetAsync(KazakhDbContext db, long id,
        CancellationToken ct)
    {
        var final = await StoryQueries.FinalIdAsync(db, id, ct);
        if (final != id)
        {
            return TypedResults.Redirect($"/api/stories/{final}/comparison");
        }

        var comparison = await ComparisonQueries.GetAsync(db, id, ct);
        return comparison is null ? TypedResults.NotFound() : TypedResults.Ok(comparison);
    }
}
