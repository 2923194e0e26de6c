using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Entities;
using KazakhUnrest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Stories;

public static class StoriesApi
{
    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stories").CacheOutput(PageCache.Policy);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        return app;
    }

    private static async Task<Ok<StoryQueries.ListPage>> ListAsync(KazakhDbContext db, IOptions<SiteOptions> options,
        string? sort, DateOnly? from, DateOnly? to, string? country, string? actor, int? page, CancellationToken ct) =>
        TypedResults.Ok(await StoryQueries.ListAsync(db, ParseSort(sort), from, to,
            EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor), page ?? 1, options.Value.PageSize, ct));

    private static async Task<Results<Ok<StoryQueries.Detail>, RedirectHttpResult, NotFound>> GetAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        var story = await StoryQueries.GetAsync(db, id, ct);
        if (story is null)
        {
            return TypedResults.NotFound();
        }

        var mergedInto = await StoryMerges.FinalAsync(db, id, ct);
        return mergedInto != id ? TypedResults.Redirect($"/api/stories/{mergedInto}") : TypedResults.Ok(story);
    }

    public static StoryQueries.Sort ParseSort(string? sort) =>
        string.Equals(sort, "most", StringComparison.OrdinalIgnoreCase) || string.Equals(sort, "most-covered", StringComparison.OrdinalIgnoreCase)
            ? StoryQueries.Sort.MostCovered
            : StoryQueries.Sort.Latest;
}

public static class StoryMerges
{
    /// <summary>Follows merges to the story that holds the articles now (chains are short; capped against cycles).</summary>
    public static async Task<long> FinalAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            var next = await db.Stories.Where(s => s.Id == id).Select(s => s.MergedIntoId).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                return id;
            }

            id = next.Value;
        }

        return id;
    }
}
