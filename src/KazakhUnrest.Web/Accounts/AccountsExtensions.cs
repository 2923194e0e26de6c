using System.Threading.RateLimiting;
using KazakhUnrest.Core.Accounts;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Accounts;

/// <summary>
/// Accounts, roles, sign-in and API tokens. Nothing about a session lives in one process: the sign-in cookie and the
/// antiforgery tokens are protected with data-protection keys kept in PostgreSQL, lockouts and security stamps are
/// columns of the account, so any instance behind a load balancer accepts what another issued, also after a restart.
/// </summary>
public static class AccountsExtensions
{
    /// <summary>Shared by every instance: keys are looked up per application name, which otherwise derives from the install path.</summary>
    public const string ApplicationName = "KazakhUnrest";

    public const string SignInRateLimit = "sign-in";

    public const string SignInPath = "/accounts/sign-in";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>()
            .Bind(builder.Configuration.GetSection(AccountOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<KazakhDbContext>();

        builder.Services.AddAccountStore().AddSignInManager<AccountSignInManager>();
        builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.LockoutAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.Value.LockoutMinutes);
        });
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) =>
            {
                cookie.Cookie.Name = "ku_session";
                cookie.LoginPath = SignInPath;
                cookie.LogoutPath = "/accounts/sign-out";
                cookie.AccessDeniedPath = "/accounts/access-denied";
                cookie.ExpireTimeSpan = TimeSpan.FromDays(accounts.Value.SessionDays);
                cookie.SlidingExpiration = true;
                // The API answers for machines: no redirect to a sign-in form, a problem document instead.
                cookie.Events.OnRedirectToLogin = context => ApiProblemOr(context, StatusCodes.Status401Unauthorized, "Sign in first.");
                cookie.Events.OnRedirectToAccessDenied = context => ApiProblemOr(context, StatusCodes.Status403Forbidden, "Your role does not allow this.");
            });
        builder.Services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AccountOptions>>((o, accounts) => o.ValidationInterval = TimeSpan.FromSeconds(accounts.Value.SessionCheckSeconds));
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "ku_antiforgery");

        AccountPolicies.Add(builder.Services.AddAuthorizationBuilder());
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy<string, SignInAttempts>(SignInRateLimit);
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                // Written here, with a content type, so the error page does not replace it with a vaguer one.
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(
                    "Too many sign-in attempts from your address. Wait a minute, then try again.", ct);
            };
        });
        return builder;
    }

    /// <summary>
    /// Cookies, authentication, rate limiting and authorization, placed by <c>UseSite</c> after routing and before the
    /// page cache, which must know who is signed in (it never stores or serves a signed-in person's page).
    /// </summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        // One rule for every cookie the site sets, today's and tomorrow's.
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            HttpOnly = HttpOnlyPolicy.Always,
            MinimumSameSitePolicy = SameSiteMode.Lax,
            Secure = app.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always,
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Pages come with the Razor Pages; the API gets <c>/api/me</c> to check a token.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", Me).RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
        return app;
    }

    public sealed record MeResponse(string AccountId, string Email, IReadOnlyList<string> Roles);

    private static Ok<MeResponse> Me(System.Security.Claims.ClaimsPrincipal user)
    {
        var actor = Actor.Of(user);
        return TypedResults.Ok(new MeResponse(actor.AccountId, actor.Email,
            [.. user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value)]));
    }

    private static Task ApiProblemOr(RedirectContext<CookieAuthenticationOptions> context, int status, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        return Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context.HttpContext);
    }

    /// <summary>
    /// Sign-in attempts per client address per minute (a fixed window from the address's first attempt). Only posts
    /// count: showing the form is free.
    /// </summary>
    private sealed class SignInAttempts(IOptions<AccountOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            HttpMethods.IsPost(httpContext.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.Value.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("form");
    }
}
