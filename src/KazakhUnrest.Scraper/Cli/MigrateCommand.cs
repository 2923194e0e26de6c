using System.CommandLine;
using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Cli;

public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations, then exit. Safe to run again.");
        command.SetAction(async (_, ct) =>
        {
            using var host = ScraperHost.CreateBuilder().Build();
            await MigrateAsync(host.Services, ct);
            return 0;
        });
        return command;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Migrate");
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        // EF Core takes a database lock while migrating, so concurrent migrators wait instead of colliding.
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Database migrated: {MigrationCount} applied ({Migrations})", pending.Count, string.Join(", ", pending));
    }
}
