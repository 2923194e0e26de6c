using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Accounts;

/// <summary>Identity's sign-in, refusing disabled accounts (a column of ours, not one Identity knows about).</summary>
public sealed class AccountSignInManager(
    UserManager<Account> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<Account> principals,
    IOptions<IdentityOptions> options, ILogger<SignInManager<Account>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Account> confirmation)
    : SignInManager<Account>(users, http, principals, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Account user) => user.DisabledAt is null && await base.CanSignInAsync(user);

    /// <summary>A session's periodic check also ends it when the account was disabled, whatever its stamp.</summary>
    public override async Task<Account?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { DisabledAt: null } user ? user : null;
}
