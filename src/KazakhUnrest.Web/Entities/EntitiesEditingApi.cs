using System.Security.Claims;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Entities;

/// <summary>Entity names and candidate names through the API (an editor's token); `events rerun` applies them to stored articles.</summary>
public static class EntitiesEditingApi
{
    public sealed record AliasRequest(string? Name, bool IsDescription, string? Reason);

    /// <param name="As">An existing entity the name belongs to; without it a new entity is made.</param>
    /// <param name="Kind">The new entity's <see cref="EntityKind"/> name; the candidate's own kind when absent.</param>
    public sealed record PromoteRequest(string? As, string? Kind, string? Reason);

    public sealed record IgnoreRequest(string? Reason);

    public static IEndpointRouteBuilder MapEntitiesEditingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/entities").RequireApiEditor();
        api.MapPost("/{id}/aliases", (KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, string id, AliasRequest request, CancellationToken ct) =>
            RunAsync(cache, () => EntityEditing.AddAliasAsync(db, Actor.Of(user).AccountId, Actor.Of(user).Email, id, request.Name, request.IsDescription, request.Reason, ct), ct));
        api.MapPost("/{id}/aliases/remove", (KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, string id, AliasRequest request, CancellationToken ct) =>
            RunAsync(cache, () => EntityEditing.RemoveAliasAsync(db, Actor.Of(user).AccountId, Actor.Of(user).Email, id, request.Name, request.Reason, ct), ct));
        api.MapPost("/candidates/{id:long}/promote", (KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, long id, PromoteRequest request, CancellationToken ct) =>
            RunAsync(cache, () => EntityEditing.PromoteAsync(db, Actor.Of(user).AccountId, Actor.Of(user).Email, id, request.As, ParseKind(request.Kind), request.Reason, ct), ct));
        api.MapPost("/candidates/{id:long}/ignore", (KazakhDbContext db, IOutputCacheStore cache, ClaimsPrincipal user, long id, IgnoreRequest request, CancellationToken ct) =>
            RunAsync(cache, () => EntityEditing.IgnoreAsync(db, Actor.Of(user).AccountId, Actor.Of(user).Email, id, request.Reason, ct), ct));
        return app;
    }

    /// <summary>An entity kind by name ("Person"); null for none; refused when it is no kind.</summary>
    public static EntityKind? ParseKind(string? kind) =>
        string.IsNullOrWhiteSpace(kind) ? null
        : Enum.TryParse<EntityKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k
        : throw EditRefusedException.Invalid($"kind must be one of {string.Join(", ", Enum.GetNames<EntityKind>())}");

    private static async Task<Results<Ok<T>, ProblemHttpResult>> RunAsync<T>(IOutputCacheStore cache, Func<Task<T>> edit, CancellationToken ct)
    {
        try
        {
            var state = await edit();
            await PageCache.EvictAsync(cache, ct);
            return TypedResults.Ok(state);
        }
        catch (EditRefusedException e)
        {
            return EditorControls.Problem(e);
        }
    }
}
