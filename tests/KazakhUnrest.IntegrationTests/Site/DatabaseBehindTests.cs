using System.Diagnostics;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Npgsql;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class DatabaseBehindTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Site_refuses_to_start_on_an_unmigrated_database_and_names_the_command()
    {
        // Roll the schema back to nothing: the site must notice, say what to run, and exit.
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var reset = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
            await reset.ExecuteNonQueryAsync();
        }

        var webDll = Path.Combine(AppContext.BaseDirectory, "KazakhUnrest.Web.dll");
        var psi = new ProcessStartInfo("dotnet", [webDll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var text = await output;
        Assert.Contains("database is behind", text);
        Assert.Contains("migrate", text);
    }
}
