using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Steps 8–13, reading: for every filed article not read yet, in batches of one transaction each, the steps in
/// pipeline order (entities, dates, events, figures, quotes, framing); then the days of undated reports that only
/// shared events can give. Reading an article again replaces what it gave before, so a crash loses only the batch in hand.
/// </summary>
public sealed partial class ArticleReading(IServiceScopeFactory scopes, IOptions<PipelineOptions> options, ILogger<ArticleReading> logger)
{
    private readonly BatchRunner _runner = new();

    /// <summary>Reads every pending article; returns how many.</summary>
    public Task<int> RunPendingAsync(CancellationToken ct) => _runner.AloneAsync(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        await EntityDirectory.SyncGazetteerAsync(db, ct);
        var matcher = await DatabaseMatcher.LoadAsync(db, ct);
        var total = 0;
        int done;
        while ((done = await RunBatchAsync(matcher, ct)) > 0)
        {
            total += done;
        }

        if (total > 0)
        {
            await DatesStep.AnchorUndatedAsync(db, matcher, ct);
        }

        return total;
    }, ct);

    /// <summary>Marks every article unread (after editors added names, or the rules changed); the next run reads them all.</summary>
    public Task<int> ForgetAsync(CancellationToken ct) => _runner.AloneAsync(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        return await db.Articles.Where(a => a.EventsAt != null).ExecuteUpdateAsync(a => a.SetProperty(x => x.EventsAt, (DateTimeOffset?)null), ct);
    }, ct);

    private async Task<int> RunBatchAsync(EntityMatcher matcher, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.Articles.AsNoTracking()
            .Where(a => a.EventsAt == null && a.ClusteredAt != null)
            .OrderBy(a => a.Id)
            .Take(options.Value.ReadingBatch)
            .Select(a => new ArticleInHand(a.Id, a.Title, a.Text, a.PublishedAt, a.StoryId, a.OnTopic))
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var ids = pending.Select(p => p.Id).ToList();
        await ForgetRowsAsync(db, ids, ct);
        var batch = new ReadingBatch(await DatesStep.StoryDaysAsync(db, pending, ct));
        foreach (var article in pending)
        {
            EntitiesStep.Read(article, matcher, batch);
            DatesStep.Read(article, batch);
            // Off-topic articles keep their entities (the filters find them) but report nothing on the timeline.
            if (!article.OnTopic)
            {
                continue;
            }

            EventsStep.Read(article, batch);
            FiguresStep.Read(article, batch);
            QuotesStep.Read(article, batch);
            FramingStep.Read(article, batch);
        }

        await EntitiesStep.SaveAsync(db, batch, ct);
        db.ArticleEvents.AddRange(batch.Events);
        db.ArticleFigures.AddRange(batch.Figures);
        db.ArticleQuotes.AddRange(batch.Quotes);
        db.ArticleFramings.AddRange(batch.Framings);
        await db.SaveChangesAsync(ct);
        await DatesStep.SaveAsync(db, batch, ct);
        await transaction.CommitAsync(ct);
        LogBatch(logger, pending.Count, batch.Entities.Count, batch.Events.Count, batch.Figures.Count, batch.Quotes.Count, batch.Candidates.Count);
        return pending.Count;
    }

    /// <summary>What an earlier reading of these articles stored; reading again replaces it.</summary>
    private static async Task ForgetRowsAsync(KazakhDbContext db, List<long> ids, CancellationToken ct)
    {
        await db.ArticleEntities.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleEvents.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleFigures.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleQuotes.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleFramings.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading: {Articles} articles read, {Mentions} entity rows, {Events} events, {Figures} figures, {Quotes} quotes, {Candidates} candidate names")]
    private static partial void LogBatch(ILogger logger, int articles, int mentions, int events, int figures, int quotes, int candidates);
}

/// <summary>An article being read, and what the steps before have found in it.</summary>
public sealed record ArticleInHand(long Id, string Title, string Text, DateTimeOffset? Published, long? StoryId, bool OnTopic)
{
    /// <summary>The publication day: printed, or inferred by <see cref="DatesStep"/>; null when nothing dates it.</summary>
    public DateOnly? Day { get; set; }

    public IReadOnlyList<EntityMention> Mentions { get; set; } = [];
    public IReadOnlyList<EntityMention> TitleMentions { get; set; } = [];
    public IReadOnlyList<Core.Quotes.Quote> Quotes { get; set; } = [];
}

/// <summary>The rows one batch of reading stores, each list filled by its step.</summary>
public sealed class ReadingBatch(Dictionary<long, (DateOnly First, DateOnly Last)> storyDays)
{
    /// <summary>First and last printed publication day of the stories the batch's undated articles belong to.</summary>
    public Dictionary<long, (DateOnly First, DateOnly Last)> StoryDays { get; } = storyDays;

    public Dictionary<long, DateOnly?> InferredDays { get; } = [];
    public List<ArticleEntity> Entities { get; } = [];
    public Dictionary<string, Core.Data.EntityCandidate> Candidates { get; } = new(StringComparer.Ordinal);
    public List<ArticleEvent> Events { get; } = [];
    public List<ArticleFigure> Figures { get; } = [];
    public List<ArticleQuote> Quotes { get; } = [];
    public List<ArticleFraming> Framings { get; } = [];
}
