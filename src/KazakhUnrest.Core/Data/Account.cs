using Microsoft.AspNetCore.Identity;

namespace KazakhUnrest.Core.Data;

/// <summary>
/// A person who signs in to edit (ASP.NET Core Identity's user). Nobody signs up: an admin creates accounts in the
/// site or with <c>users add</c>. The user name is the e-mail address.
/// </summary>
public sealed class Account : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Set when an admin disabled the account: it cannot sign in and its API tokens stop working. Kept rather than
    /// deleted so the audit log's "who" still names someone.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The password was made by someone else (an admin or <c>users add</c>); the owner is asked to change it.</summary>
    public bool PasswordChangeRequired { get; set; }

    public List<ApiToken> ApiTokens { get; set; } = [];
}

/// <summary>
/// A personal token for the JSON API, sent as <c>Authorization: Bearer ...</c>. Only its SHA-256 is stored: the token
/// is 256 random bits, so a fast hash is enough (nothing to brute-force, unlike a password) and it can be looked up by
/// its hash in one indexed query per request.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public Account? Account { get; set; }

    /// <summary>What the owner calls it ("laptop script"), to tell tokens apart when revoking one.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token's text.</summary>
    public required byte[] Hash { get; set; }

    /// <summary>The token's first characters, shown in the owner's list so a leaked token can be recognised.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>The three roles; every account has exactly one.</summary>
public static class Role
{
    /// <summary>Signed in, sees what everyone sees; a place to keep a colleague before trusting them with edits.</summary>
    public const string Reader = "reader";

    /// <summary>Tags and corrects the collection.</summary>
    public const string Editor = "editor";

    /// <summary>An editor who also manages accounts.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reader, Editor, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
