using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Ingest;

public sealed record IngestResult(int New, int Updated, int Unchanged)
{
    public static readonly IngestResult None = new(0, 0, 0);

    public IngestResult Add(IngestResult other) => new(New + other.New, Updated + other.Updated, Unchanged + other.Unchanged);
}

/// <summary>The pipeline for one capture: extract, then store. Fetching and importing feed it.</summary>
public sealed partial class Ingestor(Store store, ILogger<Ingestor> logger)
{
    public async Task<IngestResult> IngestAsync(RawCapture raw, bool isSample, CancellationToken ct)
    {
        var page = Extract.Page(raw);
        if (page.Articles.Count == 0 || page.Articles.All(a => a.Blocks.Count == 0))
        {
            throw new IngestException($"no article text found in {raw.Url}");
        }

        var outcomes = await store.SaveAsync(raw, page, isSample, ct);
        var result = new IngestResult(
            outcomes.Count(o => o == StoreOutcome.New),
            outcomes.Count(o => o == StoreOutcome.Updated),
            outcomes.Count(o => o == StoreOutcome.Unchanged));
        LogStored(logger, raw.Url, result.New, result.Updated, result.Unchanged);
        return result;
    }

    [LoggerMessage(LogLevel.Debug, "Stored {Url}: {New} new, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogStored(ILogger logger, Uri url, int @new, int updated, int unchanged);
}

public sealed class IngestException(string message) : Exception(message);

public static class IngestExtensions
{
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(Ingestor)))
        {
            return builder;
        }

        builder.Services.AddScoped<Outlets>();
        builder.Services.AddScoped<Store>();
        builder.Services.AddScoped<Ingestor>();
        builder.Services.AddSingleton<Import.Importer>();
        // "Stories" tunes the clusterer (JoinThreshold, Window, ...); the defaults are the benchmarked ones.
        builder.Services.AddOptions<Core.Stories.StoryClustererOptions>().Bind(builder.Configuration.GetSection("Stories"));
        builder.Services.AddSingleton<Stories.StoryStep>();
        builder.Services.AddSingleton<Events.EventsStep>();
        return builder;
    }
}
