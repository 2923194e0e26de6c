using System.Diagnostics;
using System.Net;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// The scraper's <c>users</c> commands, run as the program a person runs, against the database of a running site:
/// what the command line sets, the site accepts (same rules, same password hasher).
/// </summary>
public sealed class UsersCommandTests(AccountSiteFixture site) : IClassFixture<AccountSiteFixture>
{
    [Fact]
    public async Task Users_are_added_with_a_piped_or_generated_password_changed_in_role_disabled_and_listed()
    {
        var (code, _, _) = await RunAsync(null, "users", "has-admin");
        Assert.Equal(1, code);

        // Piped password.
        var (added, addOut, addErr) = await RunAsync("a chosen passphrase\n", "users", "add", "chief@test.example", "--role", "admin");
        Assert.True(added == 0, addErr);
        Assert.Contains("added chief@test.example as admin", addOut);
        Assert.DoesNotContain("password:", addOut);
        Assert.Equal(0, (await RunAsync(null, "users", "has-admin")).Code);
        using (var chief = SiteAccounts.Client(site.BaseAddress))
        {
            var signedIn = await chief.SignInAsync("chief@test.example", "a chosen passphrase");
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await chief.GetAsync("/accounts")).StatusCode);
        }

        // Nothing piped: a password is generated and printed once.
        var (generated, genOut, _) = await RunAsync("", "users", "add", "desk@test.example", "--role", "editor");
        Assert.Equal(0, generated);
        var passwordLine = genOut.Split('\n').Single(l => l.StartsWith("password: ", StringComparison.Ordinal));
        var password = passwordLine["password: ".Length..].Trim();
        Assert.Equal(20, password.Length);
        Assert.Equal(1, CountOf(genOut, password));
        using (var desk = SiteAccounts.Client(site.BaseAddress))
        {
            var first = await desk.SignInAsync("desk@test.example", password);
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.StartsWith("/accounts/password", first.Headers.Location!.OriginalString);
        }

        // A too short piped password and an unknown role are refused with a reason.
        var (shortCode, _, shortErr) = await RunAsync("short\n", "users", "add", "x@test.example", "--role", "editor");
        Assert.Equal(1, shortCode);
        Assert.Contains("at least 12 characters", shortErr);
        Assert.NotEqual(0, (await RunAsync(null, "users", "role", "desk@test.example", "owner")).Code);

        Assert.Equal(0, (await RunAsync(null, "users", "role", "desk@test.example", "reader")).Code);
        Assert.Equal(0, (await RunAsync(null, "users", "disable", "desk@test.example")).Code);
        using (var desk = SiteAccounts.Client(site.BaseAddress))
        {
            var refused = await desk.SignInAsync("desk@test.example", password);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Wrong e-mail or password, or the account is disabled", await refused.Content.ReadAsStringAsync());
        }

        // The last admin cannot be disabled.
        var (lastAdmin, _, lastErr) = await RunAsync(null, "users", "disable", "chief@test.example");
        Assert.Equal(1, lastAdmin);
        Assert.Contains("last active admin", lastErr);

        var (listed, list, _) = await RunAsync(null, "users", "list");
        Assert.Equal(0, listed);
        var lines = list.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^chief@test\.example\s+admin\s+active\s", lines.Single(l => l.StartsWith("chief@", StringComparison.Ordinal)));
        Assert.Matches(@"^desk@test\.example\s+reader\s+disabled\s", lines.Single(l => l.StartsWith("desk@", StringComparison.Ordinal)));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        var scraperDll = Path.Combine(AppContext.BaseDirectory, "KazakhUnrest.Scraper.dll");
        var psi = new ProcessStartInfo("dotnet", [scraperDll, .. args])
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["ConnectionStrings__Default"] = site.ConnectionString;
        using var process = Process.Start(psi)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
