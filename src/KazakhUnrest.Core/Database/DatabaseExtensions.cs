using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.Core.Database;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Default";

    /// <summary>Registers <see cref="KazakhDbContext"/> on the configured PostgreSQL server.</summary>
    public static IHostApplicationBuilder AddKazakhUnrestDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new MissingConfigurationException(
                $"No database configured: set ConnectionStrings__{ConnectionStringName} " +
                "(./run.sh does it for you with a private PostgreSQL cluster).");
        }

        builder.Services.AddDbContextPool<KazakhDbContext>(options => Configure(options, connectionString));
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithoutJit(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));

    /// <summary>
    /// PostgreSQL's JIT compiles any statement its planner thinks costly, which a search or a facet count over a large
    /// collection is: measured at 100,000 articles, compiling took longer than running. None of our statements runs long
    /// enough to repay it, so it is off unless the connection string sets it.
    /// </summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        }

        return builder.ConnectionString;
    }

    public static KazakhDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<KazakhDbContext>();
        Configure(options, connectionString);
        return new KazakhDbContext(options.Options);
    }

    /// <summary>Names the migrations the database lacks; empty when it is current.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(this KazakhDbContext db, CancellationToken ct = default) =>
        [.. await db.Database.GetPendingMigrationsAsync(ct)];
}

/// <summary>A setting the program cannot run without; reported as a one-line error, not a stack trace.</summary>
public sealed class MissingConfigurationException(string message) : InvalidOperationException(message);
