using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run: <c>ConnectionStrings__Test</c> when set, otherwise a
/// throwaway cluster started with the same code as the product's embedded default and removed at exit.
/// Every test class gets a database of its own, copied from a migrated template.
/// </summary>
internal static class PostgresServer
{
    private const string TemplateName = "ku_test_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly List<string> Created = [];
    private static string? _adminConnectionString;
    private static LocalPostgres? _cluster;

    /// <summary>
    /// The id test.sh gives its run (<c>KU_TEST_RUN_ID</c>). It is part of every cluster folder of the run,
    /// so test.sh can stop the leftovers of its own killed processes and nobody else's.
    /// </summary>
    public static string? RunId => Environment.GetEnvironmentVariable("KU_TEST_RUN_ID") is { Length: > 0 } id ? id : null;

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await EnsureStartedAsync();
        var name = $"ku_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        // CREATE DATABASE ... TEMPLATE needs the template to be unused; serialise the copies.
        await Gate.WaitAsync();
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {TemplateName}", connection);
            await create.ExecuteNonQueryAsync();
            Created.Add(name);
        }
        finally
        {
            Gate.Release();
        }

        return WithDatabase(admin, name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await EnsureStartedAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> EnsureStartedAsync()
    {
        if (_adminConnectionString is not null)
        {
            return _adminConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            if (_adminConnectionString is not null)
            {
                return _adminConnectionString;
            }

            var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Test");
            string admin;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                admin = WithDatabase(configured, "postgres");
            }
            else
            {
                _cluster = await LocalPostgres.StartThrowawayAsync(RunId);
                admin = _cluster.ConnectionString("postgres");
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopCluster();
            }

            await CreateTemplateAsync(admin);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropCreated(admin);
            _adminConnectionString = admin;
            return admin;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task CreateTemplateAsync(string admin)
    {
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {TemplateName}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var templateConnection = WithDatabase(admin, TemplateName);
        await using (var db = DatabaseExtensions.CreateContext(templateConnection))
        {
            await db.Database.MigrateAsync();
        }

        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
    }

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = true }.ConnectionString;

    private static void DropCreated(string admin)
    {
        if (_cluster is not null)
        {
            return; // the whole cluster goes
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            foreach (var name in Created.Append(TemplateName))
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException)
        {
            // Best effort at exit: a leftover database on a shared server is harmless.
        }
    }

    private static void StopCluster()
    {
        NpgsqlConnection.ClearAllPools();
        _cluster?.DeleteAsync().GetAwaiter().GetResult();
    }
}
