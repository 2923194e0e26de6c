using System.CommandLine;
using KazakhUnrest.Scraper.Hosting;

namespace KazakhUnrest.Scraper.Cli;

/// <summary>Starts and stops the private PostgreSQL cluster that <c>./run.sh</c> uses when no server is configured.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Cluster folder (created on first start). When run by root and the postgres user cannot enter it, " +
                $"the cluster lives under {LocalPostgres.SharedDataRoot} instead, in a folder named after this path.",
            DefaultValueFactory = _ => new DirectoryInfo(".data/postgres"),
        };

        var start = new Command("start", "Start (creating if needed) the private cluster; print its connection string on stdout.") { data };
        start.SetAction(async (parse, ct) =>
        {
            try
            {
                var requested = Path.TrimEndingDirectorySeparator(parse.GetValue(data)!.FullName);
                var server = await LocalPostgres.StartAsync(requested, ct);
                // stdout carries only the connection string (run.sh reads it); where the data is goes to stderr.
                Console.Error.WriteLine(server.DataDir == requested
                    ? $"PostgreSQL data: {server.DataDir}"
                    : $"PostgreSQL data: {server.DataDir} (the postgres user cannot enter {Path.GetDirectoryName(requested)}; " +
                      "the next start from the same folder finds it there again)");
                Console.WriteLine(server.ConnectionString());
                return 0;
            }
            catch (LocalPostgresException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });

        var stop = new Command("stop", "Stop the private cluster if it runs (there or where start put it), waiting until it has exited.") { data };
        stop.SetAction(async (parse, ct) =>
        {
            try
            {
                await LocalPostgres.StopAsync(parse.GetValue(data)!.FullName, ct);
                return 0;
            }
            catch (LocalPostgresException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });

        return new Command("db", "The private PostgreSQL cluster used when ConnectionStrings__Default is not set.") { start, stop };
    }
}
