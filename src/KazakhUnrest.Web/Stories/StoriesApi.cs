using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Shared;
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
        api.MapGet("/{id:long}/related", RelatedAsync);
        return app;
    }

    /// <summary>The list, narrowed by a search when <paramref name="q"/> is given; a search that cannot run answers 400 with the reason.</summary>
    private static async Task<Results<Ok<StoryQueries.ListPage>, ProblemHttpResult>> ListAsync(KazakhDbContext db, SearchNames names, IOptions<SiteOptions> options,
        string? sort, DateOnly? from, DateOnly? to, string? country, string? actor, string? tag, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var matching = await SearchQueries.MatchingIfAskedAsync(db, names, q, ct);
        if (matching?.Error is { } error)
        {
            return SearchQueries.InvalidQuery(error);
        }

        var list = await StoryQueries.ListAsync(db, StoryQueries.ParseSort(sort), from, to,
            EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor), Tags.TagQueries.Normalize(tag), page ?? 1, pageSize ?? options.Value.PageSize, ct, matching);
        return TypedResults.Ok(matching is null ? list : list with { Query = SearchQuery.Parse(q).Text, Problems = matching.Problems });
    }

    private static async Task<Results<Ok<StoryQueries.Detail>, RedirectHttpResult, NotFound>> GetAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        var story = await StoryQueries.GetAsync(db, id, ct);
        if (story is null)
        {
            return TypedResults.NotFound();
        }

        var mergedInto = await StoryQueries.FinalIdAsync(db, id, ct);
        return mergedInto != id ? TypedResults.Redirect($"/api/stories/{mergedInto}") : TypedResults.Ok(story);
    }

    private static async Task<Results<Ok<IReadOnlyList<StoryQueries.Related>>, RedirectHttpResult, NotFound>> RelatedAsync(KazakhDbContext db, long id,
        CancellationToken ct)
    {
        if (!await db.Stories.AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var mergedInto = await StoryQueries.FinalIdAsync(db, id, ct);
        return mergedInto != id ? TypedResults.Redirect($"/api/stories/{mergedInto}/related") : TypedResults.Ok(await StoryQueries.RelatedAsync(db, id, ct));
    }
}
