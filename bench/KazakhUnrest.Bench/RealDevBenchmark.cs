using KazakhUnrest.Core.Database;
using KazakhUnrest.DevTools.Scoring;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Hosting;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KazakhUnrest.Bench;

/// <summary>
/// The whole product on real pages: `corpus/real-dev` imported into an empty database through the scraper's own import
/// and pipeline (extraction, relevance, copies, stories, dates, events, timeline), then scored against its labels.
/// Generated text repeats its templates; real outlets do not, so this is where clustering, copy detection, relevance
/// and dating show whether they hold.
/// </summary>
public static class RealDevBenchmark
{
    public static async Task<RealDevScoring.Result> RunAsync(string folder, bool keep)
    {
        var (server, admin) = await StoryStepBenchmark.ServerAsync();
        var database = $"ku_realdev_{Environment.ProcessId}";
        await StoryStepBenchmark.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        await StoryStepBenchmark.ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        try
        {
            await using (var db = DatabaseExtensions.CreateContext(connectionString))
            {
                await db.Database.MigrateAsync();
            }

            var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={connectionString}", $"--LogLevel={Environment.GetEnvironmentVariable("LogLevel") ?? "Warning"}"]);
            builder.AddPipeline();
            using (var host = builder.Build())
            {
                await ImportCommand.RunAsync(host.Services, [Path.Combine(folder, "pages")], null, isSample: false, ifEmpty: false, CancellationToken.None);
            }

            if (keep)
            {
                Console.WriteLine($"kept: ConnectionStrings__Default='{connectionString}'");
            }

            await using var read = DatabaseExtensions.CreateContext(connectionString);
            return await RealDevScoring.ScoreAsync(read, folder);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (!keep)
            {
                await StoryStepBenchmark.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                if (server is not null)
                {
                    await server.DeleteAsync();
                }
            }
        }
    }
}
