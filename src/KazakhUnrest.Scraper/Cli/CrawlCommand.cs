using System.CommandLine;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper.Crawl;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Cli;

public static class CrawlCommand
{
    public static Command Create()
    {
        var sourceName = new Option<string?>("--source") { Description = "Run only this source (by name), due or not." };
        var command = new Command("crawl", "Run the sources that are due now (or one named source) once, then exit.") { sourceName };
        command.SetAction(async (parse, ct) =>
        {
            var builder = ScraperHost.CreateBuilder();
            builder.AddCrawling();
            using var host = builder.Build();
            return await RunAsync(host.Services, parse.GetValue(sourceName), ct);
        });
        return command;
    }

    /// <summary>Runs the due sources (or the named one), then the rest of the pipeline over what they stored.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string? sourceName, CancellationToken ct)
    {
        var crawler = services.GetRequiredService<Crawler>();
        try
        {
            await crawler.SyncSourcesAsync(ct);
            var status = sourceName is { } name
                ? Report(name, await crawler.RunByNameAsync(name, ct))
                : await RunAllDueAsync(services, crawler, ct);
            await CatchUpAsync(services, ct);
            return status;
        }
        catch (Exception e) when (e.IsDatabaseGone())
        {
            // The outage is not the sources' fault: none is marked failing, and the ones running stay leased until their
            // lease runs out, which no other process can shorten while the database is gone.
            var leaseTime = services.GetRequiredService<IOptions<ScraperOptions>>().Value.LeaseTime;
            throw new DatabaseGoneException(
                "Sources that finished before it went away are recorded; the ones running then are not counted as failing " +
                $"and stay leased until their lease ends (Scraper:LeaseTime, {leaseTime}).", e);
        }
    }

    private static async Task<int> RunAllDueAsync(IServiceProvider services, Crawler crawler, CancellationToken ct)
    {
        var total = 0;
        int ran;
        while ((ran = await crawler.RunDueAsync(ct)) > 0)
        {
            total += ran;
        }

        await using var scope = services.CreateAsyncScope();
        var failing = await scope.ServiceProvider.GetRequiredService<KazakhDbContext>().Sources.AsNoTracking()
            .Where(s => s.ConsecutiveErrors > 0).Select(s => new { s.Name, s.LastError }).ToListAsync(ct);
        Console.Error.WriteLine($"crawl: {total} sources run; {failing.Count} failing.");
        foreach (var f in failing)
        {
            Console.Error.WriteLine($"  {f.Name}: {f.LastError}");
        }

        return 0;
    }

    /// <summary>What was stored goes on through the rest of the pipeline, as the service would do: stories, entities, timeline.</summary>
    internal static async Task CatchUpAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await services.GetRequiredService<ArticlePipeline>().CatchUpAsync(ct);
        Console.Error.WriteLine($"pipeline: {result.Summary}.");
    }

    internal static int Report(string name, SourceRun? run)
    {
        if (run is null)
        {
            Console.Error.WriteLine($"crawl: no source named '{name}', or another process is running it.");
            return 1;
        }

        Console.Error.WriteLine(run.Error is null
            ? $"crawl: {name}: {run.Articles.New} new, {run.Articles.Updated} updated, {run.Articles.Unchanged} unchanged; {run.FailedPages} pages failed{(run.LastPageError is null ? "" : $" (last: {run.LastPageError})")}."
            : $"crawl: {name} failed: {run.Error}");
        return run.Error is null ? 0 : 1;
    }
}
