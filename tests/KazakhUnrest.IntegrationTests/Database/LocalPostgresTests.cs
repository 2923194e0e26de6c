using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Hosting;
using Npgsql;

namespace KazakhUnrest.IntegrationTests.Database;

public sealed class LocalPostgresTests : IDisposable
{
    private readonly string _root = LocalPostgres.ThrowawayFolder(PostgresServer.RunId);

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

    [Fact]
    public async Task As_root_a_folder_the_server_user_cannot_enter_keeps_the_cluster_in_the_shared_root()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
        {
            return; // only root on Linux hands the server to another user
        }

        // Like a clone under /root: only its owner may enter.
        Directory.CreateDirectory(_root);
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var requested = Path.Combine(_root, "checkout", ".data", "postgres");

        var first = await LocalPostgres.StartAsync(requested);
        try
        {
            Assert.Equal(LocalPostgres.SharedDataDir(requested), first.DataDir);
            Assert.StartsWith(LocalPostgres.SharedDataRoot + "/", first.DataDir);
            await ExecuteAsync(first.ConnectionString(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");

            // Stopping by the requested path finds the cluster where start put it.
            await LocalPostgres.StopAsync(requested);
            Assert.False(File.Exists(Path.Combine(first.DataDir, "postmaster.pid")));

            var second = await LocalPostgres.StartAsync(requested);
            Assert.Equal(first.DataDir, second.DataDir);
            await using var connection = new NpgsqlConnection(second.ConnectionString() + ";Pooling=false");
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT v FROM kept", connection);
            Assert.Equal("still here", await read.ExecuteScalarAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await first.DeleteAsync();
        }

        Assert.False(Directory.Exists(Path.GetDirectoryName(first.DataDir)));
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
