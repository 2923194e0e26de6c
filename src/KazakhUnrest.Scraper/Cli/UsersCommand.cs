using System.CommandLine;
using KazakhUnrest.Core.Accounts;
using KazakhUnrest.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.Scraper.Cli;

/// <summary>
/// Accounts from the command line, with the site's own rules and password hasher (<see cref="AccountRules"/>): how the
/// first admin is made, and a way back in when no admin can sign in.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's e-mail address (its sign-in name)." };
        var role = new Argument<string>("ROLE") { Description = $"One of {string.Join(", ", Role.All)}." };
        role.AcceptOnlyFromAmong([.. Role.All]);
        var roleOption = new Option<string>("--role") { Description = $"One of {string.Join(", ", Role.All)}.", Required = true };
        roleOption.AcceptOnlyFromAmong([.. Role.All]);

        var add = new Command("add",
            "Create an account. Its password is read from standard input when piped (`... users add EMAIL --role editor < file`); " +
            "otherwise one is generated, printed once, and must be changed at first sign-in.") { email, roleOption };
        add.SetAction((parse, _) => WithAccountsAsync(async accounts =>
        {
            var piped = ReadPipedPassword();
            var created = await accounts.CreateAsync(parse.GetValue(email)!, parse.GetValue(roleOption)!, piped);
            Console.WriteLine($"added {created.Account.Email} as {parse.GetValue(roleOption)}");
            if (created.GeneratedPassword is { } password)
            {
                // Shown this once and never stored in clear; the owner replaces it at first sign-in.
                Console.WriteLine($"password: {password}");
                Console.Error.WriteLine("Hand this password over privately; it is not shown again and must be changed at first sign-in.");
            }
        }));

        var changeRole = new Command("role", "Give an account another role (its open sessions pick it up at their next check).") { email, role };
        changeRole.SetAction((parse, _) => WithAccountsAsync(async accounts =>
        {
            await accounts.ChangeRoleAsync(parse.GetValue(email)!, parse.GetValue(role)!);
            Console.WriteLine($"{parse.GetValue(email)} is now {parse.GetValue(role)}");
        }));

        var disable = new Command("disable", "Stop an account from signing in; its API tokens stop working at once.") { email };
        disable.SetAction((parse, _) => WithAccountsAsync(async accounts =>
        {
            await accounts.DisableAsync(parse.GetValue(email)!);
            Console.WriteLine($"{parse.GetValue(email)} is disabled");
        }));

        var enable = new Command("enable", "Let a disabled account sign in again.") { email };
        enable.SetAction((parse, _) => WithAccountsAsync(async accounts =>
        {
            await accounts.EnableAsync(parse.GetValue(email)!);
            Console.WriteLine($"{parse.GetValue(email)} is enabled");
        }));

        var list = new Command("list", "Every account with its role and state.");
        list.SetAction((_, ct) => WithAccountsAsync(async accounts =>
        {
            foreach (var a in await accounts.ListAsync(ct))
            {
                var state = a.DisabledAt is not null ? "disabled" : a.LockedUntil is not null ? $"locked until {a.LockedUntil:u}" : "active";
                Console.WriteLine($"{a.Email,-40} {a.Role,-8} {state,-10} created {a.CreatedAt:yyyy-MM-dd}");
            }
        }));

        var hasAdmin = new Command("has-admin", "Exit 0 when an enabled admin account exists, 1 when none does (for scripts such as run.sh).");
        hasAdmin.SetAction(async (_, ct) =>
        {
            using var host = CreateHost();
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AccountAdministration>().AnyActiveAdminAsync(ct) ? 0 : 1;
        });

        return new Command("users", "Accounts of the site: add, change role, disable, list. Nobody signs up by themselves.")
            { add, changeRole, disable, enable, list, hasAdmin };
    }

    /// <summary>The first line of standard input when something is piped in; null (generate one) when nothing is.</summary>
    private static string? ReadPipedPassword()
    {
        if (!Console.IsInputRedirected)
        {
            return null;
        }

        var line = Console.In.ReadLine();
        return string.IsNullOrEmpty(line) ? null : line;
    }

    private static IHost CreateHost()
    {
        var builder = ScraperHost.CreateBuilder();
        builder.Services.AddAccountStore();
        return builder.Build();
    }

    private static async Task<int> WithAccountsAsync(Func<AccountAdministration, Task> action)
    {
        using var host = CreateHost();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            await action(scope.ServiceProvider.GetRequiredService<AccountAdministration>());
            return 0;
        }
        catch (AccountException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
