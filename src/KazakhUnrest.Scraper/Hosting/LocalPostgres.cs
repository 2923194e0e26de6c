using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace KazakhUnrest.Scraper.Hosting;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries: the default database of
/// <c>./run.sh</c> and the throwaway database of the tests (one code path for both).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so when we are root the cluster belongs to the
/// <c>postgres</c> system user and every server command goes through <c>runuser</c>.
/// That user may be unable to enter the requested folder (a clone under /root, a private temp
/// folder); the data then lives in <see cref="SharedDataRoot"/>, in a folder named after a hash of the
/// requested path, so the next start from the same place finds it again.
/// It listens on 127.0.0.1 only, with a generated password kept beside the data folder.
/// </remarks>
public sealed class LocalPostgres
{
    public const string DatabaseName = "kazakhunrest";

    /// <summary>Where clusters go whose requested folder the <c>postgres</c> user cannot reach.</summary>
    public const string SharedDataRoot = "/var/lib/kazakhunrest";

    /// <summary>
    /// Folder name prefix of throwaway clusters; with a run id after it, a test runner can stop the
    /// leftovers of its own killed processes without touching anyone else's.
    /// </summary>
    public const string ThrowawayPrefix = "kazakhunrest-test-pg-";

    private readonly string _binDir;
    private readonly string? _runAs;

    private LocalPostgres(string dataDir, string binDir, string? runAs, int port, string password)
    {
        DataDir = dataDir;
        _binDir = binDir;
        _runAs = runAs;
        Port = port;
        Password = password;
    }

    public string DataDir { get; }
    public int Port { get; }
    public string Password { get; }

    public string ConnectionString(string database = DatabaseName) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Starts the cluster in <paramref name="dataDir"/>, creating it first when the folder holds none.
    /// A server already running on that folder (left by a process that was killed) is reused.
    /// </summary>
    /// <remarks>When the server's user cannot reach that folder, the cluster lives in <see cref="SharedDataDir"/> instead (see <see cref="DataDir"/>).</remarks>
    public static async Task<LocalPostgres> StartAsync(string dataDir, CancellationToken ct = default)
    {
        dataDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir));
        var binDir = FindBinDir() ?? throw new LocalPostgresException(
            "PostgreSQL server binaries not found (looked for initdb on PATH and in /usr/lib/postgresql/*/bin). " +
            "Install them with: apt-get install -y --no-install-recommends postgresql");
        var runAs = Environment.UserName == "root" ? await EnsureServiceUserAsync(ct) : null;
        if (runAs is not null)
        {
            dataDir = await ReachableDataDirAsync(dataDir, runAs, ct);
        }

        var passwordFile = dataDir + ".password";

        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            await InitAsync(dataDir, passwordFile, binDir, runAs, ct);
        }

        var password = (await File.ReadAllTextAsync(passwordFile, ct)).Trim();
        var running = ReadRunningPort(dataDir);
        if (running is int existingPort && await CanConnectAsync(existingPort, password, ct))
        {
            var reused = new LocalPostgres(dataDir, binDir, runAs, existingPort, password);
            await reused.EnsureDatabaseAsync(ct);
            return reused;
        }

        var port = FreeLoopbackPort();
        var server = new LocalPostgres(dataDir, binDir, runAs, port, password);
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200";
        await server.RunAsync(ct, "pg_ctl", "-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60", "-o", options, "start");
        await server.EnsureDatabaseAsync(ct);
        return server;
    }

    /// <summary>
    /// A cluster of its own in a new temporary folder, for tests and benchmarks; <see cref="DeleteAsync"/>
    /// stops it and removes the folder. The folder is named by <see cref="ThrowawayFolder"/>.
    /// </summary>
    public static async Task<LocalPostgres> StartThrowawayAsync(string? runId = null, CancellationToken ct = default)
    {
        var root = ThrowawayFolder(runId);
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            // The server's own user must be able to enter the folder.
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        return await StartAsync(Path.Combine(root, "data"), ct);
    }

    /// <summary>
    /// A new folder path in the temp folder: <see cref="ThrowawayPrefix"/>, the run id when given
    /// (letters, digits, '-' and '_' only), the process id and a unique part.
    /// </summary>
    public static string ThrowawayFolder(string? runId)
    {
        var run = "";
        if (!string.IsNullOrEmpty(runId))
        {
            if (!runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"A run id has only letters, digits, '-' and '_': '{runId}'", nameof(runId));
            }

            run = runId + "-";
        }

        return Path.Combine(Path.GetTempPath(), $"{ThrowawayPrefix}{run}{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>
    /// The folder used instead of <paramref name="dataDir"/> when the server's user cannot reach it:
    /// <see cref="SharedDataRoot"/>/(hash of the requested path)/postgres.
    /// </summary>
    public static string SharedDataDir(string dataDir)
    {
        var requested = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir));
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requested)))[..16].ToLowerInvariant();
        return Path.Combine(SharedDataRoot, hash, "postgres");
    }

    /// <summary>Stops a throwaway cluster and deletes its folder.</summary>
    public async Task DeleteAsync(CancellationToken ct = default)
    {
        try
        {
            await StopAsync(ct);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(DataDir)!, recursive: true);
        }
    }

    /// <summary>Stops the server on <paramref name="dataDir"/> if one runs; waits for it to exit.</summary>
    /// <remarks>Also looks in <see cref="SharedDataDir"/>, where <see cref="StartAsync"/> may have put the cluster.</remarks>
    public static async Task StopAsync(string dataDir, CancellationToken ct = default)
    {
        dataDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir));
        if (!File.Exists(Path.Combine(dataDir, "postmaster.pid")))
        {
            dataDir = SharedDataDir(dataDir);
            if (!File.Exists(Path.Combine(dataDir, "postmaster.pid")))
            {
                return;
            }
        }

        var binDir = FindBinDir() ?? throw new LocalPostgresException("PostgreSQL server binaries not found.");
        var runAs = Environment.UserName == "root" ? await EnsureServiceUserAsync(ct) : null;
        var server = new LocalPostgres(dataDir, binDir, runAs, 0, "");
        await server.RunAsync(ct, "pg_ctl", "-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop");
    }

    public Task StopAsync(CancellationToken ct = default) => StopAsync(DataDir, ct);

    public static string? FindBinDir()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                // Debian links only some binaries into PATH; prefer the real folder beside the target.
                var target = new FileInfo(Path.Combine(dir, "initdb")).ResolveLinkTarget(true)?.FullName;
                return target is null ? dir : Path.GetDirectoryName(target);
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(debianRoot)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task InitAsync(string dataDir, string passwordFile, string binDir, string? runAs, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDir);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await File.WriteAllTextAsync(passwordFile, password + "\n", ct);
        if (OperatingSystem.IsWindows())
        {
            throw new LocalPostgresException("The private PostgreSQL cluster needs Linux; set ConnectionStrings__Default instead.");
        }

        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // initdb reads the password from a file; give the service user a private copy.
        var initPasswordFile = Path.Combine(Path.GetDirectoryName(dataDir)!, $".pginit-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(initPasswordFile, password + "\n", ct);
        try
        {
            var init = new LocalPostgres(dataDir, binDir, runAs, 0, password);
            if (runAs is not null)
            {
                await RunProcessAsync("chown", ct, runAs, dataDir, initPasswordFile);
            }

            File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await init.RunAsync(ct, "initdb", "-D", dataDir, "-U", "postgres", "--pwfile", initPasswordFile,
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync");
        }
        catch
        {
            // A half-made cluster would make the next start fail in a confusing way.
            Directory.Delete(dataDir, recursive: true);
            File.Delete(passwordFile);
            throw;
        }
        finally
        {
            File.Delete(initPasswordFile);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static int? ReadRunningPort(string dataDir)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        try
        {
            // Line 4 of postmaster.pid is the port.
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 3 && int.TryParse(lines[3].Trim(), out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<bool> CanConnectAsync(int port, string password, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
            Timeout = 3,
        }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task<string> EnsureServiceUserAsync(CancellationToken ct)
    {
        var exists = await RunProcessAsync("id", ct, throwOnError: false, "-u", "postgres");
        if (exists.ExitCode == 0)
        {
            return "postgres";
        }

        await RunProcessAsync("useradd", ct, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres");
        return "postgres";
    }

    /// <summary>
    /// <paramref name="dataDir"/> when <paramref name="user"/> can enter its parent, else its
    /// <see cref="SharedDataDir"/> (created, with a note naming the requested path).
    /// </summary>
    private static async Task<string> ReachableDataDirAsync(string dataDir, string user, CancellationToken ct)
    {
        var parent = Path.GetDirectoryName(dataDir)!;
        Directory.CreateDirectory(parent);
        if (await CanEnterAsync(user, parent, ct))
        {
            return dataDir;
        }

        var shared = SharedDataDir(dataDir);
        var sharedParent = Path.GetDirectoryName(shared)!;
        foreach (var dir in new[] { SharedDataRoot, sharedParent })
        {
            Directory.CreateDirectory(dir);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
            }
        }

        // Which checkout a folder belongs to, for whoever looks at the shared root.
        await File.WriteAllTextAsync(Path.Combine(sharedParent, "requested-path"), dataDir + "\n", ct);
        if (!await CanEnterAsync(user, sharedParent, ct))
        {
            throw new LocalPostgresException(
                $"The PostgreSQL server runs as the '{user}' user, which can enter neither {parent} nor {sharedParent}. " +
                "Clone the project somewhere it can reach (for example under /srv), " +
                "or set ConnectionStrings__Default to an existing server.");
        }

        return shared;
    }

    private static async Task<bool> CanEnterAsync(string user, string dir, CancellationToken ct)
    {
        // Ask the system as that user: modes, owners, groups and ACLs of every folder on the way count.
        var result = await RunProcessAsync("runuser", ct, throwOnError: false, "-u", user, "--", "test", "-x", dir);
        return result.ExitCode == 0;
    }

    private Task<ProcessResult> RunAsync(CancellationToken ct, string tool, params string[] args)
    {
        var exe = Path.Combine(_binDir, tool);
        return _runAs is null
            ? RunProcessAsync(exe, ct, args)
            : RunProcessAsync("runuser", ct, ["-u", _runAs, "--", exe, .. args]);
    }

    private static Task<ProcessResult> RunProcessAsync(string file, CancellationToken ct, params string[] args) =>
        RunProcessAsync(file, ct, throwOnError: true, args);

    private static async Task<ProcessResult> RunProcessAsync(string file, CancellationToken ct, bool throwOnError, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server must not inherit a working directory its user cannot read.
            WorkingDirectory = "/",
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new LocalPostgresException($"Could not start {file}");
        // pg_ctl's server keeps the inherited pipes open, so read only until pg_ctl itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await WithTimeout(stdout) + await WithTimeout(stderr);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new LocalPostgresException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Trim()}");
        }

        return new ProcessResult(process.ExitCode, output);
    }

    private static async Task<string> WithTimeout(Task<string> read)
    {
        var done = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(2)));
        return done == read ? await read : "";
    }

    private sealed record ProcessResult(int ExitCode, string Output);
}

public sealed class LocalPostgresException(string message) : Exception(message);
