using System.Diagnostics;
using System.Threading.Channels;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>
/// The scraper as a person or a supervisor runs it: its own process, its exit code, what it writes on stderr. Only a
/// separate process shows what an unhandled exception would look like (the runtime's own text and exit 134).
/// </summary>
internal sealed class ScraperProcess : IDisposable
{
    // Only a guard against a hung test; no assertion depends on how long anything takes.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _stderr = [];
    private readonly Task _reading;

    private ScraperProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_stderr)
                {
                    _stderr.Add(line);
                }

                _lines.Writer.TryWrite(line);
            }

            _lines.Writer.TryComplete();
        });
    }

    /// <summary>Everything written on stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    public static ScraperProcess Start(string connectionString, IEnumerable<string> args, params (string Name, string Value)[] settings)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "KazakhUnrest.Scraper.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["ConnectionStrings__Default"] = connectionString;
        // The checked-in sources file is copied beside the tests; its outlets must never be fetched from here.
        psi.Environment["Scraper__SourcesFile"] = "no-sources-file-in-tests.json";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings)
        {
            psi.Environment[name] = value;
        }

        var process = Process.Start(psi)!;
        // Nothing reads stdout here; drain it so the process never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        return new ScraperProcess(process);
    }

    /// <summary>Waits until the process writes a line on stderr that contains <paramref name="text"/>; returns that line.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(patience.Token);
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new InvalidOperationException($"the scraper never wrote '{text}'; its stderr:\n{Stderr}", e);
        }
    }

    public async Task<int> WaitForExitAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token);
        await _reading;
        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop, as a supervisor does (SIGTERM).</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
