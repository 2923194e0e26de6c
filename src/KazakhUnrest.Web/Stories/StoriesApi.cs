using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
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
        string? sort, DateOnly? from, DateOnly? to, string? country, string? actor, string? tag, int? page, CancellationToken ct) =>
        TypedResults.Ok(await StoryQueries.ListAsync(db, StoryQueries.ParseSort(sort), from, to,
            EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor), Tags.TagQueries.Normalize(tag), page ?? 1, options.Value.PageSize, ct));

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
}
