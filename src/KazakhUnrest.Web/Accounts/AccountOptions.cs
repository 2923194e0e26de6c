using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Accounts;

namespace KazakhUnrest.Web.Accounts;

/// <summary>Sign-in limits and session lengths (section <c>Accounts</c>), checked when the site starts.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Wrong passwords in a row before the account is locked (see <see cref="AccountRules.LockoutAttempts"/> for the reasons).</summary>
    [Range(3, 20)]
    public int LockoutAttempts { get; set; } = AccountRules.LockoutAttempts;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = AccountRules.LockoutMinutes;

    /// <summary>
    /// Sign-in attempts one client address may make per minute, whatever the account: ten is more than a person
    /// retyping ever needs, and stops one address from trying a password against many accounts (which the per-account
    /// lockout does not see).
    /// </summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// How often a signed-in session checks its account again (disabled? role changed?) in PostgreSQL. A minute:
    /// a disabled editor is out within it, and a busy editor costs one query a minute, not one per page.
    /// </summary>
    [Range(0, 3600)]
    public int SessionCheckSeconds { get; set; } = 60;

    /// <summary>How long "keep me signed in" lasts without a visit; a week of a newsroom's shifts.</summary>
    [Range(1, 90)]
    public int SessionDays { get; set; } = 7;
}
