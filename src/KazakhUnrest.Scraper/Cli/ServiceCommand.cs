using System.CommandLine;
using System.Runtime.ExceptionServices;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper.Crawl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.Scraper.Cli;

public static class ServiceCommand
{
    public static Command Create()
    {
        var command = new Command("service", "Run the scraper service: migrate, sync the sources file, then run each source when it is due, until stopped.");
        command.SetAction(async (_, ct) =>
        {
            var builder = ScraperHost.CreateBuilder();
            builder.AddCrawling();
            builder.Services.AddHostedService<ScraperService>();
            using var host = builder.Build();
            // Taken before the run: RunAsync disposes the host, and its services with it.
            var service = host.Services.GetServices<IHostedService>().OfType<ScraperService>().Single();
            await MigrateCommand.MigrateAsync(host.Services, ct);
            await host.RunAsync(ct);
            // The host stops when the service's loop throws; a supervisor must see that as a failure, not a clean exit.
            if (service.ExecuteTask is { IsFaulted: true } failed)
            {
                // The database stayed gone past the retry budget: the last-chance handler says so in one line and exits
                // with its own code (ExitCodes.DatabaseGone), so a supervisor restarts the service.
                if (failed.Exception?.InnerException is { } error && error.IsDatabaseGone())
                {
                    ExceptionDispatchInfo.Throw(error);
                }

                Console.Error.WriteLine($"service: stopped on an error: {failed.Exception?.GetBaseException().Message}");
                return 1;
            }

            return 0;
        });
        return command;
    }
}
