using System.Security.Claims;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KazakhUnrest.Web.Shared;

/// <summary>What editing pages and endpoints share: who sees editing controls, and how a refused edit is answered.</summary>
public static class EditorControls
{
    /// <summary>
    /// Editing controls are rendered only for a signed-in editor or admin; such requests are never served from or
    /// stored in the page cache, so a reader never gets them.
    /// </summary>
    public static bool IsEditor(this ClaimsPrincipal user) => user.IsInRole(Role.Editor) || user.IsInRole(Role.Admin);

    /// <summary>404, 400 or 409 as problem+json; a conflict carries the object's current state as "current".</summary>
    public static ProblemHttpResult Problem(EditRefusedException e) => TypedResults.Problem(
        e.Message,
        statusCode: e.Refusal switch
        {
            EditRefusal.NotFound => StatusCodes.Status404NotFound,
            EditRefusal.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        },
        title: e.Refusal switch
        {
            EditRefusal.NotFound => "Not found",
            EditRefusal.Conflict => "Changed by someone else",
            _ => "Refused",
        },
        extensions: e.Current is null ? null : new Dictionary<string, object?> { ["current"] = e.Current });
}
