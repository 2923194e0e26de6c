using KazakhUnrest.Core.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Every step an article goes through, in order, in one place. Each step is a small piece of code in the folder
/// named after it, and owns one decision:
/// <code>
///  per capture, as it arrives (fetch, import, reprocess):
///   1. capture   Capture/     the bytes as they arrived, kept so every later step can be re-run without fetching
///   2. extract   Extract/     title, byline, dateline, printed dates, language, body (HTML or a plain-text capture)
///   3. clean     Extract/     furniture removed, repeated blocks collapsed, multi-article pages split into segments
///   4. store     Store/       capture and articles in one transaction; a changed article becomes a revision
///  over stored articles not filed yet, in batches (StoriesStep, one transaction a batch):
///   5. relevance   Relevance/   on-topic score and reasons (an editor's decision overrules it)
///   6. duplicates  Duplicates/  shingle sketch and the original a copy was made from
///   7. story       Stories/     the story an article joins (editors' merges and splits kept)
///  over filed articles not read yet, in batches (ArticleReading, one transaction a batch):
///   8. entities  Entities/    countries, people, organisations, places in any script; unknown names as candidates
///   9. dates     Dates/       the publication day: printed, else inferred from the story or the text (only here)
///  10. events    Events/      dated events of the unrest
///  11. figures   Figures/     numeric claims with attribution
///  12. quotes    Quotes/      who said what
///  13. framing   Framing/     loaded terms, in the outlet's voice or a speaker's
///  after any article was read:
///  14. timeline  Timeline/    rebuilt from all events
/// </code>
/// Every entry point (the service, <c>crawl</c>, <c>backfill</c>, <c>import</c>, folder sources, <c>reprocess</c>) calls
/// <see cref="IngestAsync"/> for what it brings and then <see cref="CatchUpAsync"/>, so an article reaches its story and
/// the timeline whichever way it came in. Each batch step picks up what is pending in the database, so a crash
/// half-way loses nothing committed and another process (or the next run) carries on.
/// </summary>
public sealed partial class ArticlePipeline(
    IServiceScopeFactory scopes, StoriesStep stories, ArticleReading reading, IOptions<IngestLimits> ingestLimits,
    IOptions<ExtractionLimits> extractionLimits, TimeProvider time, ILogger<ArticlePipeline> logger)
{
    /// <summary>
    /// Steps 1–4 for one capture: extract, clean and split (within <see cref="IngestLimits.ExtractTimeBudget"/> and
    /// <see cref="ExtractionLimits"/>), store. Throws <see cref="IngestException"/> when the page holds no article text or
    /// its extraction failed or overran its budget.
    /// </summary>
    public async Task<IngestResult> IngestAsync(RawCapture capture, bool isSample, CancellationToken ct)
    {
        var limits = extractionLimits.Value;
        var page = await ExtractBudget.RunAsync(stop => ExtractStep.Run(capture, limits, stop), ingestLimits.Value.ExtractTimeBudget, time, ct);
        if (page.Cuts.Count > 0)
        {
            LogCut(logger, capture.Url, string.Join("; ", page.Cuts));
        }

        if (page.Articles.Count == 0 || page.Articles.All(a => a.Blocks.Count == 0))
        {
            throw new IngestException($"no article text found in {capture.Url}");
        }

        // A scope per capture: a bad page cannot leave tracked entities behind for the next one.
        await using var scope = scopes.CreateAsyncScope();
        var outcomes = await scope.ServiceProvider.GetRequiredService<StoreStep>().SaveAsync(capture, page, isSample, ct);
        var result = IngestResult.Of(outcomes);
        LogStored(logger, capture.Url, result.New, result.Updated, result.Unchanged);
        return result;
    }

    /// <summary>
    /// Steps 5–14 for everything stored and not handled yet, by any process. When any article was filed or read, every
    /// site instance is told to drop its cached pages, so readers see the new stories at once rather than when the
    /// cached pages expire (<c>Site:PageCacheSeconds</c>, which stays as the fallback should a notice be missed).
    /// </summary>
    public async Task<CatchUpResult> CatchUpAsync(CancellationToken ct)
    {
        var filed = await stories.RunPendingAsync(ct);
        var read = await reading.RunPendingAsync(ct);
        if (read > 0)
        {
            await TimelineStepAsync(ct);
        }

        if (filed > 0 || read > 0)
        {
            await PublishPageChangesAsync(ct);
        }

        return new CatchUpResult(filed, read);
    }

    /// <summary>
    /// Re-runs the batch steps from <paramref name="from"/> on stored data (after a rule or an alias changed), then catches up.
    /// Relevance, duplicates and story are decided together (one filing), so re-running any of them re-files every article;
    /// entities to framing are read together, so re-running any of them reads every article again. Steps 1–4 are
    /// re-run from kept captures by <c>reprocess</c> itself.
    /// </summary>
    public async Task<CatchUpResult> RerunFromAsync(PipelineStep from, CancellationToken ct)
    {
        if (from <= PipelineStep.Story)
        {
            await stories.ForgetAsync(ct);
        }
        else if (from <= PipelineStep.Framing)
        {
            await reading.ForgetAsync(ct);
        }
        else
        {
            await TimelineStepAsync(ct);
            // The timeline alone was rebuilt: nothing is pending, so the catch-up below tells no one.
            await PublishPageChangesAsync(ct);
        }

        return await CatchUpAsync(ct);
    }

    private async Task TimelineStepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await TimelineStep.RebuildAsync(scope.ServiceProvider.GetRequiredService<Core.Data.KazakhDbContext>(), ct);
    }

    private async Task PublishPageChangesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Core.Database.PageChanges.PublishAsync(scope.ServiceProvider.GetRequiredService<Core.Data.KazakhDbContext>(), ct);
    }

    [LoggerMessage(LogLevel.Warning, "Cut {Url} to its limits: {Cuts}")]
    private static partial void LogCut(ILogger logger, Uri url, string cuts);

    [LoggerMessage(LogLevel.Debug, "Stored {Url}: {New} new, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogStored(ILogger logger, Uri url, int @new, int updated, int unchanged);
}

/// <summary>The steps in pipeline order, for <c>reprocess --from</c>.</summary>
public enum PipelineStep
{
    Capture = 1,
    Extract,
    Clean,
    Store,
    Relevance,
    Duplicates,
    Story,
    Entities,
    Dates,
    Events,
    Figures,
    Quotes,
    Framing,
    Timeline,
}

public sealed record IngestResult(int New, int Updated, int Unchanged)
{
    public static readonly IngestResult None = new(0, 0, 0);

    public IngestResult Add(IngestResult other) => new(New + other.New, Updated + other.Updated, Unchanged + other.Unchanged);

    internal static IngestResult Of(IReadOnlyList<StoreOutcome> outcomes) => new(
        outcomes.Count(o => o == StoreOutcome.New),
        outcomes.Count(o => o == StoreOutcome.Updated),
        outcomes.Count(o => o == StoreOutcome.Unchanged));
}

/// <param name="Filed">Articles given relevance, duplicate and story (steps 5–7).</param>
/// <param name="Read">Articles read for entities to framing (steps 8–13); the timeline was rebuilt when any were.</param>
public sealed record CatchUpResult(int Filed, int Read)
{
    /// <summary>How every command reports a catch-up.</summary>
    public string Summary => $"{Filed} articles filed into stories; {Read} read for entities, dates, events, figures, quotes and framing";
}

public sealed class IngestException(string message) : Exception(message);

public static class PipelineExtensions
{
    /// <summary>The pipeline and its steps; every command and the service register it through this one call.</summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(ArticlePipeline)))
        {
            return builder;
        }

        builder.Services.AddOptions<IngestLimits>()
            .Bind(builder.Configuration.GetSection(IngestLimits.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ExtractionLimits>()
            .Bind(builder.Configuration.GetSection(ExtractionLimits.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PipelineOptions>()
            .Bind(builder.Configuration.GetSection(PipelineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<Outlets>();
        builder.Services.AddScoped<StoreStep>();
        builder.Services.AddOptions<Core.Stories.StoryClustererOptions>()
            // "Stories" tunes the clusterer (JoinThreshold, Window, ...); the defaults are the benchmarked ones.
            .Bind(builder.Configuration.GetSection("Stories"))
            .ValidateDataAnnotations()
            .Validate(o => o.JoinFloor <= o.JoinThreshold, "Stories: need JoinFloor <= JoinThreshold")
            .ValidateOnStart();
        builder.Services.AddSingleton<ClustererState>();
        builder.Services.AddSingleton<StoriesStep>();
        builder.Services.AddSingleton<ArticleReading>();
        builder.Services.AddSingleton<ArticlePipeline>();
        builder.Services.AddSingleton<Import.Importer>();
        return builder;
    }
}
