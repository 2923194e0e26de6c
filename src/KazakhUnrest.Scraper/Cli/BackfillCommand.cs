using System.CommandLine;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Crawl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.Scraper.Cli;

/// <summary>
/// Finds past articles with GDELT and fetches them (from the Wayback Machine when the live page is
/// gone). Kept as an archive-query source so the status page shows it and it can be re-run.
/// </summary>
public static class BackfillCommand
{
    public static Command Create()
    {
        var query = new Option<string>("--query") { Description = "GDELT DOC query, e.g. \"kazakhstan (protest OR unrest)\".", Required = true };
        var from = new Option<DateOnly>("--from") { Description = "First day (yyyy-MM-dd).", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last day (yyyy-MM-dd).", Required = true };
        var command = new Command("backfill", "Backfill articles for a date range from the GDELT article list and the Wayback Machine.") { query, from, to };
        command.SetAction(async (parse, ct) =>
        {
            var (q, start, end) = (parse.GetValue(query)!, parse.GetValue(from), parse.GetValue(to));
            if (end < start)
            {
                Console.Error.WriteLine("backfill: --to is before --from.");
                return 1;
            }

            var builder = ScraperHost.CreateBuilder();
            builder.AddCrawling();
            using var host = builder.Build();
            var name = $"backfill: {q} {start:yyyy-MM-dd}..{end:yyyy-MM-dd}";
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
                if (!await db.Sources.AnyAsync(s => s.Name == name, ct))
                {
                    db.Sources.Add(new Source { Name = name, Kind = SourceKind.ArchiveQuery, Location = ArchiveQuery.Format(q, start, end), CreatedAt = DateTimeOffset.UtcNow });
                    await db.SaveChangesAsync(ct);
                }
            }

            var status = CrawlCommand.Report(name, await host.Services.GetRequiredService<Crawler>().RunByNameAsync(name, ct));
            await CrawlCommand.CatchUpAsync(host.Services, ct);
            return status;
        });
        return command;
    }
}
