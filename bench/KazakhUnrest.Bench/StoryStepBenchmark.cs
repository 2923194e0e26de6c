using System.Diagnostics;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.DevTools.Generate;
using KazakhUnrest.DevTools.Scoring;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Hosting;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace KazakhUnrest.Bench;

public sealed record StoryStepScore(int Articles, double LoadSeconds, double StepSeconds, double FirstChunkMs, double LastChunkMs,
    long PeakWorkingSet, PrecisionRecall Stories, PrecisionRecall Duplicates, double? EventsSeconds, double JoinSeconds);

/// <summary>
/// The story step as the product runs it, on PostgreSQL: generated articles are bulk-loaded as stored
/// articles, then relevance, near-duplicates and clustering file them in batches, with every write.
/// </summary>
public static class StoryStepBenchmark
{
    /// <param name="events">Also run the events step after the story step, and report its time.</param>
    /// <param name="keep">Leave the database (and a throwaway server) running, for the page benchmarks.</param>
    /// <param name="largestStory">Give the first generated story this many reports (the comparison page benchmark wants a story of 200).</param>
    /// <param name="then">Runs on the finished database (its connection string) before it is dropped or kept: the search benchmark.</param>
    public static async Task<StoryStepScore> RunAsync(int count, int seed, bool events = false, bool keep = false, int chunk = 10_000, int largestStory = 0,
        Func<string, Task>? then = null)
    {
        var (server, admin) = await ServerAsync();
        var database = $"ku_bench_{Environment.ProcessId}";
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        try
        {
            await using (var db = DatabaseExtensions.CreateContext(connectionString))
            {
                await db.Database.MigrateAsync();
            }

            var corpus = CorpusGenerator.Generate(count, seed, largestStory);
            var load = Stopwatch.StartNew();
            var ids = await LoadAsync(connectionString, corpus);
            var loadSeconds = load.Elapsed.TotalSeconds;

            var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={connectionString}", $"--LogLevel={Environment.GetEnvironmentVariable("LogLevel") ?? "Warning"}"]);
            builder.AddPipeline();
            using var host = builder.Build();
            var step = host.Services.GetRequiredService<StoriesStep>();
            var chunks = new List<double>();
            var sinceChunk = 0;
            var block = Stopwatch.StartNew();
            var total = Stopwatch.StartNew();
            await step.RunPendingAsync(CancellationToken.None, done =>
            {
                sinceChunk += done;
                if (sinceChunk >= chunk)
                {
                    chunks.Add(block.Elapsed.TotalMilliseconds * chunk / sinceChunk);
                    (sinceChunk, _) = (0, 0);
                    block.Restart();
                }
            });
            var stepSeconds = total.Elapsed.TotalSeconds;
            var (stories, duplicates) = await ScoreAsync(connectionString, ids);
            var joinSeconds = await SecondProcessAsync(connectionString);
            double? eventsSeconds = null;
            if (events)
            {
                var clock = Stopwatch.StartNew();
                // Everything is filed: the rest of the pipeline is reading (entities to framing) and the timeline.
                await host.Services.GetRequiredService<ArticlePipeline>().CatchUpAsync(CancellationToken.None);
                eventsSeconds = clock.Elapsed.TotalSeconds;
            }

            if (then is not null)
            {
                await then(connectionString);
            }

            if (keep)
            {
                Console.WriteLine($"kept: ConnectionStrings__Default='{connectionString}'");
                await using var db = DatabaseExtensions.CreateContext(connectionString);
                var largest = await db.Articles.Where(a => a.StoryId != null && a.OnTopic).GroupBy(a => a.StoryId)
                    .Select(g => new { Story = g.Key, Articles = g.Count(), Outlets = g.Select(a => a.OutletId).Distinct().Count() })
                    .OrderByDescending(g => g.Articles).FirstAsync();
                Console.WriteLine($"largest story: /stories/{largest.Story} ({largest.Articles} articles, {largest.Outlets} outlets)");
            }

            return new StoryStepScore(count, loadSeconds, stepSeconds, chunks.FirstOrDefault(), chunks.LastOrDefault(),
                Process.GetCurrentProcess().PeakWorkingSet64, stories, duplicates, eventsSeconds, joinSeconds);
        }
        finally
        {
            if (keep)
            {
                server = null;
                database = "";
            }

            NpgsqlConnection.ClearAllPools();
            if (database.Length > 0)
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            if (server is not null)
            {
                await server.DeleteAsync();
            }
        }
    }

    /// <summary>The configured server (ConnectionStrings__Default), else a throwaway cluster; other benchmarks that need an empty database share it.</summary>
    internal static async Task<(LocalPostgres? Server, string Admin)> ServerAsync()
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Default") is { Length: > 0 } configured)
        {
            return (null, new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString);
        }

        var server = await LocalPostgres.StartThrowawayAsync();
        return (server, server.ConnectionString("postgres"));
    }

    /// <summary>Binary COPY: the benchmark measures the story step, not row-by-row inserts.</summary>
    private static async Task<Dictionary<long, GeneratedArticle>> LoadAsync(string connectionString, GeneratedCorpus corpus)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var outletIds = new Dictionary<string, int>();
        foreach (var outlet in corpus.Outlets)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO outlets (name, slug, kind, country, is_sample) VALUES (@n, @s, 'Undescribed', @c, false) RETURNING id", connection);
            insert.Parameters.AddWithValue("n", outlet.Name);
            insert.Parameters.AddWithValue("s", outlet.Slug);
            insert.Parameters.AddWithValue("c", outlet.Country);
            outletIds[outlet.Slug] = (int)(await insert.ExecuteScalarAsync())!;
        }

        var now = DateTimeOffset.UtcNow;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY articles (canonical_url, segment, outlet_id, title, text, published_at, published_inferred, first_seen_at, updated_at, content_hash, revision, is_sample, on_topic, relevance_reasons, story_pinned) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in corpus.Articles)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(a.Url, NpgsqlDbType.Text);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(outletIds[a.Outlet.Slug], NpgsqlDbType.Integer);
                await writer.WriteAsync(a.Title, NpgsqlDbType.Text);
                await writer.WriteAsync(a.Text, NpgsqlDbType.Text);
                await writer.WriteAsync(a.Published.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(a.Id, NpgsqlDbType.Text);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await writer.CompleteAsync();
        }

        var byUrl = corpus.Articles.ToDictionary(a => a.Url);
        var ids = new Dictionary<long, GeneratedArticle>();
        await using var read = new NpgsqlCommand("SELECT id, canonical_url FROM articles", connection);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids[reader.GetInt64(0)] = byUrl[reader.GetString(1)];
        }

        return ids;
    }

    private static async Task<(PrecisionRecall Stories, PrecisionRecall Duplicates)> ScoreAsync(string connectionString,
        Dictionary<long, GeneratedArticle> ids)
    {
        var scored = new List<ScoredArticle>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT id, story_id, duplicate_of_id FROM articles", connection);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt64(0);
            // An on-topic article left out of every story counts as a story of its own.
            scored.Add(new ScoredArticle(id, ids[id], reader.IsDBNull(1) ? -id : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }

        return GeneratedCorpusScoring.Score(scored);
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A second scraper process joining the collection: the last 1,000 filed articles are handed back to filing, and a
    /// fresh host (a clusterer of its own, nothing in memory) files them. Returns the seconds to its first batch filed,
    /// catching up included; the stories it gives must be the ones the first process gave.
    /// </summary>
    private static async Task<double> SecondProcessAsync(string connectionString)
    {
        await using (var db = DatabaseExtensions.CreateContext(connectionString))
        {
            var last = await db.Articles.Where(a => a.ClusterSeq != null).OrderByDescending(a => a.ClusterSeq).Take(1000).Select(a => a.Id).ToListAsync();
            await db.Articles.Where(a => last.Contains(a.Id)).ExecuteUpdateAsync(a => a.SetProperty(x => x.ClusteredAt, (DateTimeOffset?)null));
        }

        var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={connectionString}", $"--LogLevel={Environment.GetEnvironmentVariable("LogLevel") ?? "Warning"}"]);
        builder.AddPipeline();
        using var host = builder.Build();
        var clock = Stopwatch.StartNew();
        var seconds = 0.0;
        await host.Services.GetRequiredService<StoriesStep>().RunPendingAsync(CancellationToken.None, _ => seconds = seconds == 0 ? clock.Elapsed.TotalSeconds : seconds);
        return seconds;
    }
}
