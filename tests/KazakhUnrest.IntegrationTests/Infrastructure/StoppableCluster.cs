using System.Diagnostics;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster of one test's own, which the test may kill (<c>pg_ctl stop -m immediate</c>, as a crash
/// or a pulled cable would) and start again on the same port, so a running scraper finds it again where it left it.
/// The shared <see cref="PostgresServer"/> must never be stopped: every other test class uses it.
/// </summary>
internal sealed class StoppableCluster : IAsyncDisposable
{
    private readonly LocalPostgres _server;
    private readonly string _binDir;

    private StoppableCluster(LocalPostgres server)
    {
        _server = server;
        _binDir = LocalPostgres.FindBinDir()!;
    }

    /// <summary>The product's database on this cluster, migrated.</summary>
    public string ConnectionString => _server.ConnectionString();

    public int Port => _server.Port;

    public static async Task<StoppableCluster> StartAsync()
    {
        var cluster = new StoppableCluster(await LocalPostgres.StartThrowawayAsync(PostgresServer.RunId));
        await using var db = DatabaseExtensions.CreateContext(cluster.ConnectionString);
        await db.Database.MigrateAsync();
        return cluster;
    }

    /// <summary>Stops the server at once: no checkpoint, every connection cut, as if the machine had lost power.</summary>
    public Task KillAsync() => PgCtlAsync("-D", _server.DataDir, "-m", "immediate", "-w", "-t", "60", "stop");

    /// <summary>Starts the server again on its old port; it replays its log first, as after a crash.</summary>
    public Task RestartAsync() => PgCtlAsync("-D", _server.DataDir, "-l", Path.Combine(_server.DataDir, "server.log"), "-w", "-t", "60",
        "-o", $"-p {_server.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200", "start");

    /// <summary>A connection of its own (no pool), so a test's reads never hand the scraper a connection the kill broke.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=5");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task PgCtlAsync(params string[] args)
    {
        var pgCtl = Path.Combine(_binDir, "pg_ctl");
        // As root the cluster belongs to the postgres user (LocalPostgres does the same).
        var psi = Environment.UserName == "root" ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, .. args]) : new ProcessStartInfo(pgCtl, args);
        // The server inherits pg_ctl's output, so it is not redirected: reading it would wait for the server to exit.
        psi.WorkingDirectory = "/";
        using var process = Process.Start(psi)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', args)} failed ({process.ExitCode})");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _server.DeleteAsync();
    }
}
