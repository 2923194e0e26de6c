using System.Security.Claims;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Outlets;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Outlets;

/// <summary>An outlet's description: read by anyone, set by an editor's token.</summary>
public static class OutletsEditingApi
{
    /// <param name="Kind">An <see cref="OutletKind"/> name ("StateOwned").</param>
    public sealed record DescribeRequest(string? Kind, string? Country, string? Language, string? Description, uint Version, string? Reason);

    public static IEndpointRouteBuilder MapOutletsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/outlets/{slug}", async Task<Results<Ok<OutletState>, NotFound>> (KazakhDbContext db, string slug, CancellationToken ct) =>
            await OutletEditing.StateAsync(db, slug, ct) is { } state ? TypedResults.Ok(state) : TypedResults.NotFound());
        app.MapPut("/api/outlets/{slug}", DescribeAsync).RequireApiEditor();
        return app;
    }

    private static async Task<Results<Ok<OutletState>, ProblemHttpResult>> DescribeAsync(KazakhDbContext db, IOutputCacheStore cache,
        ClaimsPrincipal user, string slug, DescribeRequest request, CancellationToken ct)
    {
        try
        {
            if (!Enum.TryParse<OutletKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
            {
                throw EditRefusedException.Invalid($"kind must be one of {string.Join(", ", Enum.GetNames<OutletKind>())}");
            }

            var actor = Actor.Of(user);
            var state = await OutletEditing.DescribeAsync(db, actor.AccountId, actor.Email, slug, request.Version,
                new OutletDescription(kind, request.Country, request.Language, request.Description), request.Reason, ct);
            await PageCache.EvictAsync(cache, ct);
            return TypedResults.Ok(state);
        }
        catch (EditRefusedException e)
        {
            return EditorControls.Problem(e);
        }
    }
}
