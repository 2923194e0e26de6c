using System.Security.Claims;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Authorization;

namespace KazakhUnrest.Web.Accounts;

/// <summary>
/// Who may do what. Pages use <see cref="Editor"/> or <see cref="Admin"/> with the sign-in cookie (and Razor Pages'
/// antiforgery check on every POST); the JSON API uses <see cref="ApiEditor"/>, which accepts only a personal
/// token in the Authorization header, so a browser's cookie can never be used to change data through the API.
/// </summary>
public static class AccountPolicies
{
    /// <summary>Editors and admins: tags and corrections.</summary>
    public const string Editor = "editor";

    /// <summary>Admins only: accounts.</summary>
    public const string Admin = "admin";

    /// <summary>Editors and admins calling the API with a bearer token.</summary>
    public const string ApiEditor = "api-editor";

    public static void Add(AuthorizationBuilder authorization) => authorization
        .AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireRole(Role.Editor, Role.Admin))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Role.Admin))
        .AddPolicy(ApiEditor, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser().RequireRole(Role.Editor, Role.Admin));

    /// <summary>Editing endpoints of the API: a bearer token of an editor or admin, 401/403 as problem+json otherwise.</summary>
    public static TBuilder RequireApiEditor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiEditor);
}

/// <summary>The person behind a request, for the record of who changed what.</summary>
public sealed record Actor(string AccountId, string Email)
{
    /// <summary>The signed-in account (cookie or API token); null for an anonymous reader.</summary>
    public static Actor? From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new Actor(id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id)
            : null;

    /// <summary>For an endpoint that authorization already let through only for a signed-in account.</summary>
    public static Actor Of(ClaimsPrincipal user) =>
        From(user) ?? throw new InvalidOperationException("no signed-in account: the endpoint must require authorization");
}
