using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Accounts;

/// <summary>
/// Personal API tokens: <c>Authorization: Bearer ku_...</c>. A token is 256 random bits, so storing its SHA-256 is
/// enough (a slow password hash protects guessable secrets; nobody guesses 2^256) and lets one indexed query find it.
/// The lookup compares hashes, not the token, so response timing tells nothing about a token's characters.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    KazakhDbContext db, IUserClaimsPrincipalFactory<Account> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string TokenPrefix = "ku_";
    private const int TokenBytes = 32;
    private const int ShownPrefixLength = 11;

    // Writing "last used" on every call would make each API request a write; to the hour is enough to spot a stale token.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromHours(1);

    /// <summary>Makes a token for the account: the text to show once, and the row that keeps only its hash.</summary>
    public static (string Text, ApiToken Row) Issue(string accountId, string name, DateTimeOffset now)
    {
        var text = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));
        return (text, new ApiToken { AccountId = accountId, Name = name, Hash = Hash(text), Prefix = text[..ShownPrefixLength], CreatedAt = now });
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var hash = Hash(token);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.Account!.DisabledAt == null)
            .Select(t => new { t.Id, t.Account })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found?.Account is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked, or its account is disabled.");
        }

        var now = clock.GetUtcNow();
        var stale = now - LastUsedResolution;
        await db.ApiTokens.Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt < stale))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted);

        var principal = await principals.CreateAsync(found.Account);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal.Identities), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            title: "Unauthorized",
            detail: result.Failure?.Message ?? "Editing needs a personal API token: Authorization: Bearer <token> (create one at /accounts/tokens).",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(
            title: "Forbidden",
            detail: "This token's account may not do this: editing needs the editor or admin role.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
