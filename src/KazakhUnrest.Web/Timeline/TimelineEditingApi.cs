using System.Security.Claims;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Timeline;

/// <summary>Editors' corrections of the timeline through the API (an editor's token): milestones, and hiding entries.</summary>
public static class TimelineEditingApi
{
    public sealed record MilestoneRequest(DateOnly Date, string? Title, string? Note, IReadOnlyList<long>? ArticleIds, string? Reason);

    public sealed record MilestoneUpdate(DateOnly Date, string? Title, string? Note, IReadOnlyList<long>? ArticleIds, uint Version, string? Reason);

    public sealed record UnpinRequest(uint Version, string? Reason);

    public sealed record HideRequest(string? Key, string? Reason);

    public static IEndpointRouteBuilder MapTimelineEditingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/timeline").RequireApiEditor();
        api.MapPost("/milestones", PinAsync);
        api.MapPut("/milestones/{id:long}", UpdateAsync);
        api.MapPost("/milestones/{id:long}/unpin", UnpinAsync);
        api.MapPost("/entries/hide", (KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, HideRequest request, CancellationToken ct) =>
            RunAsync(cache, user, a => TimelineEditing.HideAsync(db, a.AccountId, a.Email, request.Key ?? "", request.Reason, ct), ct));
        api.MapPost("/entries/unhide", (KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, HideRequest request, CancellationToken ct) =>
            RunAsync(cache, user, a => TimelineEditing.UnhideAsync(db, a.AccountId, a.Email, request.Key ?? "", request.Reason, ct), ct));
        return app;
    }

    private static async Task<Results<Created<MilestoneState>, ProblemHttpResult>> PinAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, MilestoneRequest request, CancellationToken ct)
    {
        try
        {
            var actor = Actor.Of(user);
            var state = await TimelineEditing.PinAsync(db, actor.AccountId, actor.Email,
                new MilestoneInput(request.Date, request.Title, request.Note, request.ArticleIds), request.Reason, ct);
            await PageCache.EvictAsync(cache, ct);
            return TypedResults.Created($"/api/timeline/milestones/{state.Id}", state);
        }
        catch (EditRefusedException e)
        {
            return EditorControls.Problem(e);
        }
    }

    private static async Task<Results<Ok<MilestoneState>, ProblemHttpResult>> UpdateAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, long id, MilestoneUpdate request, CancellationToken ct)
    {
        try
        {
            var actor = Actor.Of(user);
            var state = await TimelineEditing.UpdateAsync(db, actor.AccountId, actor.Email, id, request.Version,
                new MilestoneInput(request.Date, request.Title, request.Note, request.ArticleIds), request.Reason, ct);
            await PageCache.EvictAsync(cache, ct);
            return TypedResults.Ok(state);
        }
        catch (EditRefusedException e)
        {
            return EditorControls.Problem(e);
        }
    }

    private static Task<Results<NoContent, ProblemHttpResult>> UnpinAsync(KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user,
        long id, UnpinRequest request, CancellationToken ct) =>
        RunAsync(cache, user, a => TimelineEditing.UnpinAsync(db, a.AccountId, a.Email, id, request.Version, request.Reason, ct), ct);

    private static async Task<Results<NoContent, ProblemHttpResult>> RunAsync(IOutputCacheStore cache, ClaimsPrincipal user, Func<Actor, Task> edit,
        CancellationToken ct)
    {
        try
        {
            await edit(Actor.Of(user));
            await PageCache.EvictAsync(cache, ct);
            return TypedResults.NoContent();
        }
        catch (EditRefusedException e)
        {
            return EditorControls.Problem(e);
        }
    }
}
