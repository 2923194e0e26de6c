using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Accounts;

/// <summary>A request about accounts that cannot be done; the message says why, for a person.</summary>
public sealed class AccountException(string message) : Exception(message);

/// <summary>One account as an admin sees it.</summary>
public sealed record AccountSummary(string Id, string Email, string Role, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, DateTimeOffset? LockedUntil);

/// <summary>What <see cref="AccountAdministration.CreateAsync"/> made: the account and, when it chose one, the password to hand over once.</summary>
public sealed record CreatedAccount(Account Account, string? GeneratedPassword);

/// <summary>
/// Creating accounts, changing roles and disabling them: the one implementation behind the admin pages and the
/// <c>users</c> command. Every account has exactly one role.
/// </summary>
public sealed class AccountAdministration(UserManager<Account> users, KazakhDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Creates an account. Without a password one is generated: it is returned to be shown once, and the owner is asked
    /// to change it at first sign-in.
    /// </summary>
    public async Task<CreatedAccount> CreateAsync(string email, string role, string? password)
    {
        email = email.Trim();
        CheckRole(role);
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new AccountException($"an account for {email} exists already");
        }

        var generated = password is null ? AccountRules.GeneratePassword() : null;
        var account = new Account
        {
            UserName = email,
            Email = email,
            CreatedAt = clock.GetUtcNow(),
            PasswordChangeRequired = generated is not null,
        };
        Check(await users.CreateAsync(account, password ?? generated!));
        Check(await users.AddToRoleAsync(account, role));
        return new CreatedAccount(account, generated);
    }

    /// <summary>Gives the account this role instead of its current one; its sessions pick the change up at their next check.</summary>
    public async Task ChangeRoleAsync(string email, string role)
    {
        CheckRole(role);
        var account = await FindAsync(email);
        var current = await users.GetRolesAsync(account);
        if (current.Count == 1 && current[0] == role)
        {
            return;
        }

        if (current.Contains(Role.Admin) && role != Role.Admin)
        {
            await KeepOneAdminAsync(account);
        }

        Check(await users.RemoveFromRolesAsync(account, current));
        Check(await users.AddToRoleAsync(account, role));
        // A new stamp makes every session and cookie of the account re-read its roles.
        Check(await users.UpdateSecurityStampAsync(account));
    }

    /// <summary>The account can no longer sign in, its sessions end at their next check and its API tokens stop at once.</summary>
    public async Task DisableAsync(string email)
    {
        var account = await FindAsync(email);
        if (account.DisabledAt is not null)
        {
            return;
        }

        if (await users.IsInRoleAsync(account, Role.Admin))
        {
            await KeepOneAdminAsync(account);
        }

        account.DisabledAt = clock.GetUtcNow();
        Check(await users.UpdateAsync(account));
        Check(await users.UpdateSecurityStampAsync(account));
    }

    public async Task EnableAsync(string email)
    {
        var account = await FindAsync(email);
        account.DisabledAt = null;
        Check(await users.UpdateAsync(account));
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken ct = default)
    {
        var rows = await (
            from a in db.Users.AsNoTracking()
            join ur in db.UserRoles on a.Id equals ur.UserId into links
            from ur in links.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into roles
            from r in roles.DefaultIfEmpty()
            orderby a.Email
            select new { a.Id, a.Email, Role = r == null ? null : r.Name, a.CreatedAt, a.DisabledAt, a.LockoutEnd }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => new AccountSummary(r.Id, r.Email ?? "", r.Role ?? "(none)", r.CreatedAt, r.DisabledAt, r.LockoutEnd > now ? r.LockoutEnd : null))];
    }

    /// <summary>Whether someone can manage accounts in the site; <c>./run.sh</c> says how to make the first admin otherwise.</summary>
    public async Task<bool> AnyActiveAdminAsync(CancellationToken ct = default) => await ActiveAdmins().AnyAsync(ct);

    private IQueryable<Account> ActiveAdmins() =>
        from a in db.Users
        join ur in db.UserRoles on a.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Role.Admin && a.DisabledAt == null
        select a;

    // Without an admin nobody can manage accounts in the site any more; the command line could still, but refuse the mistake.
    private async Task KeepOneAdminAsync(Account leaving)
    {
        if (!await ActiveAdmins().AnyAsync(a => a.Id != leaving.Id))
        {
            throw new AccountException($"{leaving.Email} is the last active admin; make another admin first");
        }
    }

    private async Task<Account> FindAsync(string email) =>
        await users.FindByEmailAsync(email.Trim()) ?? throw new AccountException($"no account for {email}");

    private static void CheckRole(string role)
    {
        if (!Role.IsKnown(role))
        {
            throw new AccountException($"unknown role '{role}': use {string.Join(", ", Role.All)}");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
