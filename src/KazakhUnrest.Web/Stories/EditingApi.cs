using System.Security.Claims;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Stories;

/// <summary>
/// Corrections of relevance, clustering and publication dates for an editor's API token; the site's own forms are in
/// <c>Corrections/</c>. Each body may carry the <c>version</c> of the object the caller read (from <c>/api/stories/{id}</c>
/// or the article): when someone changed the object since, the answer is 409 with its current state and nothing changes.
/// </summary>
public static class EditingApi
{
    public sealed record RelevanceRequest(bool? OnTopic, string? Reason = null, int? Version = null);

    /// <param name="Note">The older name of <paramref name="Reason"/>, still taken.</param>
    public sealed record MergeRequest(long Into, string? Note = null, string? Reason = null, int? Version = null);

    /// <param name="Note">The older name of <paramref name="Reason"/>, still taken.</param>
    public sealed record SplitRequest(IReadOnlyList<long> ArticleIds, string? Note = null, string? Reason = null, int? Version = null);

    /// <param name="PublishedAt">The editor's publication time; null gives the machine's date back.</param>
    public sealed record PublishedRequest(DateTimeOffset? PublishedAt, string? Reason = null, int? Version = null);

    public static IEndpointRouteBuilder MapEditingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireApiEditor();
        api.MapPost("/articles/{id:long}/relevance", SetRelevanceAsync);
        api.MapPost("/articles/{id:long}/published", SetPublishedAsync);
        api.MapPost("/stories/{id:long}/merge", MergeAsync);
        api.MapPost("/stories/{id:long}/split", SplitAsync);
        return app;
    }

    private static Task<Results<NoContent, ProblemHttpResult>> SetRelevanceAsync(KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, long id,
        RelevanceRequest request, CancellationToken ct) =>
        Run(cache, () => StoryEditing.SetRelevanceAsync(db, id, request.OnTopic, By(user, request.Reason, request.Version), ct), ct);

    private static Task<Results<NoContent, ProblemHttpResult>> SetPublishedAsync(KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, long id,
        PublishedRequest request, CancellationToken ct) =>
        Run(cache, () => PublishedDateCorrection.SetAsync(db, id, request.PublishedAt, By(user, request.Reason, request.Version), ct), ct);

    private static Task<Results<NoContent, ProblemHttpResult>> MergeAsync(KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, long id,
        MergeRequest request, CancellationToken ct) =>
        Run(cache, () => StoryEditing.MergeAsync(db, id, request.Into, By(user, request.Reason ?? request.Note, request.Version), ct), ct);

    private static async Task<Results<Created<SplitResult>, ProblemHttpResult>> SplitAsync(KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user,
        long id, SplitRequest request, CancellationToken ct)
    {
        try
        {
            // A body without "articleIds" binds it as null: the same clear refusal as an empty list.
            var newId = await StoryEditing.SplitAsync(db, id, request.ArticleIds ?? [], By(user, request.Reason ?? request.Note, request.Version), ct);
            await PageCache.EvictAsync(cache, ct);
            return TypedResults.Created($"/api/stories/{newId}", new SplitResult(newId));
        }
        catch (StoryEditException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (EditConflictException e)
        {
            return Conflict(e);
        }
    }

    public sealed record SplitResult(long StoryId);

    private static Correction By(ClaimsPrincipal user, string? reason, int? version)
    {
        var actor = Actor.Of(user);
        return new Correction(actor.AccountId, actor.Email, reason, version);
    }

    /// <summary>409 with who changed the object, when, and its current state (with the version to send next time).</summary>
    public static ProblemHttpResult Conflict(EditConflictException e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else",
            extensions: new Dictionary<string, object?>
            {
                ["objectType"] = e.ObjectType,
                ["objectId"] = e.ObjectId,
                ["version"] = e.Version,
                ["changedBy"] = e.ChangedBy,
                ["changedAt"] = e.ChangedAt,
                ["current"] = e.Current,
            });

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
        catch (EditConflictException e)
        {
            return Conflict(e);
        }
    }
}
