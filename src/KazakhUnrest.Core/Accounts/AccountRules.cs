using System.Security.Cryptography;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KazakhUnrest.Core.Accounts;

/// <summary>
/// Identity's rules for this product, the same in the site and in the command-line tool, so a password set by one is
/// checked the same way by the other.
/// </summary>
public static class AccountRules
{
    /// <summary>
    /// Length rather than character classes (NIST SP 800-63B): twelve characters of anything resist guessing better
    /// than eight with a forced digit and symbol, and people remember them.
    /// </summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>
    /// Wrong passwords in a row before an account is locked (the count and the lock are columns of the account, so
    /// every site instance agrees): a person who mistypes gets five tries, someone guessing five per lockout period.
    /// </summary>
    public const int LockoutAttempts = 5;

    /// <summary>Short enough for a locked-out editor to wait, long enough that guessing stays slow (480 tries a day).</summary>
    public const int LockoutMinutes = 15;

    // 20 characters from 54 (no 0/O, 1/l/I): about 115 bits, far past guessing, and readable aloud or from a screen.
    private const int GeneratedPasswordLength = 20;
    private const string GeneratedPasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Registers the account store (Identity's UserManager and RoleManager on <see cref="KazakhDbContext"/>) and
    /// <see cref="AccountAdministration"/>; the site adds sign-in and cookies on top.
    /// </summary>
    public static IdentityBuilder AddAccountStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AccountAdministration>();
        return services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = MinimumPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = LockoutAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KazakhDbContext>();
    }

    public static string GeneratePassword() => RandomNumberGenerator.GetString(GeneratedPasswordAlphabet, GeneratedPasswordLength);
}
