using System.Security.Claims;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Tags;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Tags;

/// <summary>/api/tags: reading is open; creating, editing and (un)tagging need an editor's API token.</summary>
public static class TagsApi
{
    public sealed record CreateRequest(string? Name, string? Slug, string? Description);

    public sealed record UpdateRequest(string? Name, string? Description, bool? Retired, string? Reason);

    /// <summary>Either <see cref="ArticleIds"/> or <see cref="Filter"/> (the server finds the filter's articles itself).</summary>
    public sealed record ArticlesRequest(IReadOnlyList<long>? ArticleIds, BulkSelection? Filter, string? Reason);

    public sealed record StoriesRequest(IReadOnlyList<long>? StoryIds, string? Reason);

    public static IEndpointRouteBuilder MapTagsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/tags").CacheOutput(PageCache.Policy);
        read.MapGet("/", ListAsync);
        read.MapGet("/{slug}", GetAsync);

        var edit = app.MapGroup("/api/tags").RequireApiEditor();
        edit.MapPost("/", CreateAsync);
        edit.MapMethods("/{slug}", [HttpMethods.Patch, HttpMethods.Put], UpdateAsync);
        edit.MapPost("/{slug}/articles", AddArticlesAsync);
        edit.MapDelete("/{slug}/articles", RemoveArticlesAsync);
        edit.MapPost("/{slug}/stories", AddStoriesAsync);
        edit.MapDelete("/{slug}/stories", RemoveStoriesAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TagQueries.ListItem>>> ListAsync(KazakhDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await TagQueries.ListAsync(db, ct));

    private static async Task<Results<Ok<TagQueries.Detail>, ProblemHttpResult>> GetAsync(KazakhDbContext db, IOptions<SiteOptions> options, string slug,
        int? page, int? pageSize, CancellationToken ct) =>
        await TagQueries.GetAsync(db, slug, page ?? 1, pageSize ?? options.Value.PageSize, ct) is { } tag
            ? TypedResults.Ok(tag)
            : TypedResults.Problem($"there is no tag '{slug}'", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Created<TagQueries.ListItem>, ProblemHttpResult>> CreateAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, CreateRequest request, CancellationToken ct)
    {
        var actor = Actor.Of(user);
        return await RunAsync<Created<TagQueries.ListItem>>(cache, async () =>
        {
            var tag = await Tagging.CreateAsync(db, request.Name, request.Slug, request.Description, actor.AccountId, actor.Email, ct);
            var item = (await TagQueries.GetAsync(db, tag.Slug, 1, 1, ct))!.Tag;
            return TypedResults.Created($"/api/tags/{Uri.EscapeDataString(tag.Slug)}", item);
        }, ct);
    }

    private static async Task<Results<Ok<TagQueries.ListItem>, ProblemHttpResult>> UpdateAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, string slug, UpdateRequest request, CancellationToken ct)
    {
        var actor = Actor.Of(user);
        return await RunAsync<Ok<TagQueries.ListItem>>(cache, async () =>
        {
            var tag = await Tagging.UpdateAsync(db, slug, new TagChange(request.Name, request.Description, request.Retired), actor.AccountId, actor.Email,
                request.Reason, ct);
            return TypedResults.Ok((await TagQueries.GetAsync(db, tag.Slug, 1, 1, ct))!.Tag);
        }, ct);
    }

    private static Task<Results<Ok<TaggingResult>, ProblemHttpResult>> AddArticlesAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, string slug, ArticlesRequest request, CancellationToken ct) =>
        ArticlesAsync(db, cache, user, slug, request, remove: false, ct);

    private static Task<Results<Ok<TaggingResult>, ProblemHttpResult>> RemoveArticlesAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, string slug, [FromBody] ArticlesRequest request, CancellationToken ct) =>
        ArticlesAsync(db, cache, user, slug, request, remove: true, ct);

    private static Task<Results<Ok<TaggingResult>, ProblemHttpResult>> AddStoriesAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, string slug, StoriesRequest request, CancellationToken ct) =>
        StoriesAsync(db, cache, user, slug, request, remove: false, ct);

    private static Task<Results<Ok<TaggingResult>, ProblemHttpResult>> RemoveStoriesAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, string slug, [FromBody] StoriesRequest request, CancellationToken ct) =>
        StoriesAsync(db, cache, user, slug, request, remove: true, ct);

    private static async Task<Results<Ok<TaggingResult>, ProblemHttpResult>> ArticlesAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, string slug, ArticlesRequest request, bool remove, CancellationToken ct)
    {
        var actor = Actor.Of(user);
        return await RunAsync<Ok<TaggingResult>>(cache, async () =>
        {
            var tag = await Tagging.FindAsync(db, slug, ct);
            IReadOnlyCollection<long> ids;
            object selection;
            switch (request)
            {
                case { ArticleIds: { } given, Filter: null }:
                    (ids, selection) = (given, new { ids = "given" });
                    break;
                case { ArticleIds: null, Filter: { } filter }:
                    ids = await filter.ArticleIdsAsync(db, ct) ?? throw new TagException(TagProblem.Invalid, "the filter names no list of articles");
                    if (ids.Count == 0)
                    {
                        throw new TagException(TagProblem.Invalid, "no article matches the filter");
                    }

                    selection = new { filter };
                    break;
                default:
                    throw new TagException(TagProblem.Invalid, "give either articleIds or filter");
            }

            return TypedResults.Ok(remove
                ? await Tagging.RemoveFromArticlesAsync(db, tag, ids, selection, actor.AccountId, actor.Email, request.Reason, ct)
                : await Tagging.AddToArticlesAsync(db, tag, ids, selection, actor.AccountId, actor.Email, request.Reason, ct));
        }, ct);
    }

    private static async Task<Results<Ok<TaggingResult>, ProblemHttpResult>> StoriesAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, string slug, StoriesRequest request, bool remove, CancellationToken ct)
    {
        var actor = Actor.Of(user);
        return await RunAsync<Ok<TaggingResult>>(cache, async () =>
        {
            var tag = await Tagging.FindAsync(db, slug, ct);
            var ids = request.StoryIds ?? [];
            return TypedResults.Ok(remove
                ? await Tagging.RemoveFromStoriesAsync(db, tag, [.. ids], actor.AccountId, actor.Email, request.Reason, ct)
                : await Tagging.AddToStoriesAsync(db, tag, [.. ids], actor.AccountId, actor.Email, request.Reason, ct));
        }, ct);
    }

    private static async Task<Results<T, ProblemHttpResult>> RunAsync<T>(IOutputCacheStore cache, Func<Task<T>> edit, CancellationToken ct)
        where T : IResult
    {
        try
        {
            var result = await edit();
            await PageCache.EvictAsync(cache, ct);
            return result;
        }
        catch (TagException e)
        {
            return TypedResults.Problem(e.Message, statusCode: e.Problem switch
            {
                TagProblem.NotFound => StatusCodes.Status404NotFound,
                TagProblem.Duplicate => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            });
        }
    }
}
