using KazakhUnrest.Scraper.Hosting;
using Npgsql;

namespace KazakhUnrest.IntegrationTests.Database;

public sealed class LocalPostgresTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ku-localpg-{Guid.NewGuid():N}");

    [Fact]
    public async Task Cluster_keeps_its_data_across_restarts_and_stops_cleanly()
    {
        Directory.CreateDirectory(_root);
        var dataDir = Path.Combine(_root, "postgres");

        var first = await LocalPostgres.StartAsync(dataDir);
        await ExecuteAsync(first.ConnectionString(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        await first.StopAsync();
        Assert.False(File.Exists(Path.Combine(dataDir, "postmaster.pid")));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(first.ConnectionString(), "SELECT 1"));

        var second = await LocalPostgres.StartAsync(dataDir);
        try
        {
            await using var connection = new NpgsqlConnection(second.ConnectionString());
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT v FROM kept", connection);
            Assert.Equal("still here", await read.ExecuteScalarAsync());

            // Starting again while it runs (a killed run.sh left it behind) reuses the server.
            var third = await LocalPostgres.StartAsync(dataDir);
            Assert.Equal(second.Port, third.Port);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await second.StopAsync();
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=3");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
