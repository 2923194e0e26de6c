using System.Security.Claims;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Stories;

/// <summary>Corrections of relevance and clustering (the editors' pages come later; these need an editor's API token).</summary>
public static class EditingApi
{
    public sealed record RelevanceRequest(bool? OnTopic);

    public sealed record MergeRequest(long Into, string? Note);

    public sealed record SplitRequest(IReadOnlyList<long> ArticleIds, string? Note);

    public static IEndpointRouteBuilder MapEditingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireApiEditor();
        api.MapPost("/articles/{id:long}/relevance", SetRelevanceAsync);
        api.MapPost("/stories/{id:long}/merge", MergeAsync);
        api.MapPost("/stories/{id:long}/split", SplitAsync);
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetRelevanceAsync(KazakhDbContext db, IOutputCacheStore cache, long id,
        RelevanceRequest request, CancellationToken ct) =>
        await Run(cache, async () => await StoryEditing.SetRelevanceAsync(db, id, request.OnTopic, ct), ct);

    private static async Task<Results<NoContent, ProblemHttpResult>> MergeAsync(KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, long id,
        MergeRequest request, CancellationToken ct) =>
        await Run(cache, async () => await StoryEditing.MergeAsync(db, id, request.Into, Actor.Of(user).Email, request.Note, ct), ct);

    private static async Task<Results<Created<SplitResult>, ProblemHttpResult>> SplitAsync(KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user,
        long id, SplitRequest request, CancellationToken ct)
    {
        try
        {
            // A body without "articleIds" binds it as null: the same clear refusal as an empty list.
            var newId = await StoryEditing.SplitAsync(db, id, request.ArticleIds ?? [], Actor.Of(user).Email, request.Note, ct);
            await PageCache.EvictAsync(cache, ct);
            return TypedResults.Created($"/api/stories/{newId}", new SplitResult(newId));
        }
        catch (StoryEditException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    public sealed record SplitResult(long StoryId);

    private static async Task<Results<NoContent, ProblemHttpResult>> Run(IOutputCacheStore cache, Func<Task> edit, CancellationToken ct)
    {
        try
        {
            await edit();
            await PageCache.EvictAsync(cache, ct);
            return TypedResults.NoContent();
        }
        catch (StoryEditException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
