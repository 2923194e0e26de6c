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
            Description = "Cluster folder (created on first start).",
            DefaultValueFactory = _ => new DirectoryInfo(".data/postgres"),
        };

        var start = new Command("start", "Start (creating if needed) the private cluster; print its connection string on stdout.") { data };
        start.SetAction(async (parse, ct) =>
        {
            try
            {
                var server = await LocalPostgres.StartAsync(parse.GetValue(data)!.FullName, ct);
                Console.WriteLine(server.ConnectionString());
                return 0;
            }
            catch (LocalPostgresException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });

        var stop = new Command("stop", "Stop the private cluster if it runs, waiting until it has exited.") { data };
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
