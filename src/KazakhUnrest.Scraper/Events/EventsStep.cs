using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Scraper.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CandidateRow = KazakhUnrest.Core.Data.EntityCandidate;

namespace KazakhUnrest.Scraper.Events;

/// <summary>
/// Pipeline step after the story step: for every filed article not read yet, its publication day (inferred
/// when the page printed none), the entities it names, unknown names as candidates, the dated events, figures,
/// quotes and loaded terms it reports; then the timeline is rebuilt from all events. Each batch commits on its own, so a crash loses only
/// the batch in hand, and reading an article again replaces what it gave before.
/// </summary>
public sealed partial class EventsStep(IServiceScopeFactory scopes, ILogger<EventsStep> logger)
{
    private const int BatchSize = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Reads every pending article and rebuilds the timeline when anything was read; returns how many.</summary>
    public async Task<int> RunPendingAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
            await EntityDirectory.SyncGazetteerAsync(db, ct);
            var matcher = await EntityDirectory.MatcherAsync(db, ct);
            var total = 0;
            int done;
            while ((done = await RunBatchAsync(matcher, ct)) > 0)
            {
                total += done;
            }

            if (total > 0)
            {
                await UndatedArticles.AnchorAsync(db, matcher, ct);
                await TimelineBuilder.RebuildAsync(db, ct);
            }

            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads every article again (after editors added names, or the rules changed).</summary>
    public async Task<int> RerunAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
            await db.Articles.Where(a => a.EventsAt != null).ExecuteUpdateAsync(a => a.SetProperty(x => x.EventsAt, (DateTimeOffset?)null), ct);
        }

        return await RunPendingAsync(ct);
    }

    private sealed record Pending(long Id, string Title, string Text, DateTimeOffset? Published, long? StoryId, bool OnTopic);

    private async Task<int> RunBatchAsync(EntityMatcher matcher, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.Articles.AsNoTracking()
            .Where(a => a.EventsAt == null && a.ClusteredAt != null)
            .OrderBy(a => a.Id)
            .Take(BatchSize)
            .Select(a => new Pending(a.Id, a.Title, a.Text, a.PublishedAt, a.StoryId, a.OnTopic))
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var ids = pending.Select(p => p.Id).ToList();
        var storyDays = await StoryDaysAsync(db, pending, ct);
        await db.ArticleEntities.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleEvents.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleFigures.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleQuotes.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleFramings.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);

        var candidates = new Dictionary<string, CandidateRow>(StringComparer.Ordinal);
        var inferred = new Dictionary<long, DateOnly?>();
        var entities = new List<ArticleEntity>();
        var events = new List<ArticleEvent>();
        var figures = new List<ArticleFigure>();
        var quotes = new List<ArticleQuote>();
        var framing = new List<ArticleFraming>();
        foreach (var article in pending)
        {
            var day = article.Published is { } published
                ? DateOnly.FromDateTime(published.UtcDateTime)
                : InferDay(article, storyDays);
            inferred[article.Id] = article.Published is null ? day : null;
            var mentions = matcher.Find(article.Text);
            var inTitle = matcher.Find(article.Title);
            entities.AddRange(Mentions(article, mentions, inTitle));
            foreach (var candidate in matcher.Candidates(article.Text, mentions))
            {
                Count(candidates, candidate, article.Id);
            }

            // Off-topic articles keep their entities (the filters find them) but report nothing on the timeline.
            if (article.OnTopic && day is not null)
            {
                events.AddRange(EventExtractor.Extract(article.Text, day, mentions).Select(e => Row(article.Id, e)));
            }

            if (article.OnTopic)
            {
                figures.AddRange(ArticleFigures.Of(article.Id, article.Title, article.Text, day, inTitle, mentions));
                var (said, terms) = ArticleQuotes.Of(article.Id, article.Text, mentions);
                quotes.AddRange(said);
                framing.AddRange(terms);
            }
        }

        await EntityDirectory.EnsureAsync(db, entities.Select(e => e.EntityId), ct);
        db.ArticleEntities.AddRange(entities);
        db.ArticleEvents.AddRange(events);
        db.ArticleFigures.AddRange(figures);
        db.ArticleQuotes.AddRange(quotes);
        db.ArticleFramings.AddRange(framing);
        await SaveCandidatesAsync(db, candidates.Values, ct);
        await db.SaveChangesAsync(ct);
        foreach (var group in inferred.GroupBy(i => i.Value, i => i.Key))
        {
            var batch = group.ToList();
            await db.Articles.Where(a => batch.Contains(a.Id)).ExecuteUpdateAsync(a => a
                .SetProperty(x => x.EventsAt, DateTimeOffset.UtcNow)
                .SetProperty(x => x.InferredPublishedOn, group.Key), ct);
        }

        await transaction.CommitAsync(ct);
        LogBatch(logger, pending.Count, entities.Count, events.Count, figures.Count, quotes.Count, candidates.Count);
        return pending.Count;
    }

    /// <summary>First and last printed publication day of each story the undated articles of the batch belong to.</summary>
    private static async Task<Dictionary<long, (DateOnly First, DateOnly Last)>> StoryDaysAsync(KazakhDbContext db, List<Pending> pending,
        CancellationToken ct)
    {
        var stories = pending.Where(p => p.Published is null && p.StoryId is not null).Select(p => p.StoryId!.Value).Distinct().ToList();
        if (stories.Count == 0)
        {
            return [];
        }

        var spans = await db.Articles.Where(a => a.StoryId != null && stories.Contains(a.StoryId.Value) && a.PublishedAt != null && a.OnTopic)
            .GroupBy(a => a.StoryId!.Value)
            .Select(g => new { Story = g.Key, First = g.Min(a => a.PublishedAt!.Value), Last = g.Max(a => a.PublishedAt!.Value) })
            .ToListAsync(ct);
        return spans.ToDictionary(s => s.Story, s => (DateOnly.FromDateTime(s.First.UtcDateTime), DateOnly.FromDateTime(s.Last.UtcDateTime)));
    }

    /// <summary>
    /// An undated report that joined a story of dated reports was written around them: it cannot be much later than
    /// the latest, so the day after it bounds the weekdays it names ("on Friday"), and the latest day those give is
    /// its publication day at the earliest. Without such a story only dates printed with a year are evidence.
    /// </summary>
    private static DateOnly? InferDay(Pending article, Dictionary<long, (DateOnly First, DateOnly Last)> storyDays)
    {
        if (article.StoryId is { } story && storyDays.TryGetValue(story, out var span))
        {
            var day = DateResolver.InferPublished(article.Text, span.Last.AddDays(1));
            return day is { } d && d >= span.First.AddDays(-StoryWindowDays) ? d : span.Last;
        }

        return DateResolver.InferPublished(article.Text);
    }

    // A report naming only days far before its story's first dated report is not dated by that story.
    private const int StoryWindowDays = 3;

    private static IEnumerable<ArticleEntity> Mentions(Pending article, IReadOnlyList<EntityMention> inText, IReadOnlyList<EntityMention> inTitle) =>
        inText.Select(m => (m.EntityId, m.Start, m.Length))
            .Concat(inTitle.Select(m => (m.EntityId, Start: -1, Length: 0)))
            .GroupBy(m => m.EntityId)
            .Select(g =>
            {
                var first = g.FirstOrDefault(m => m.Start >= 0);
                return new ArticleEntity
                {
                    ArticleId = article.Id,
                    EntityId = g.Key,
                    Mentions = g.Count(),
                    FirstStart = g.Any(m => m.Start >= 0) ? first.Start : -1,
                    FirstLength = first.Length,
                };
            });

    internal static ArticleEvent Row(long articleId, EventMention e) => new()
    {
        ArticleId = articleId,
        Kind = e.Kind,
        Date = e.Date,
        EndDate = e.End,
        Precision = e.Precision.ToString(),
        PartOfDay = e.PartOfDay?.ToString(),
        DateInferred = e.DateInferred,
        DateText = e.DateText,
        SentenceStart = e.SentenceStart,
        SentenceLength = e.SentenceLength,
        Sentence = e.Sentence,
        Actors = [.. e.Actors],
        Places = [.. e.Places],
    };

    private static void Count(Dictionary<string, CandidateRow> candidates, FoundName found, long articleId)
    {
        if (!candidates.TryGetValue(found.Surface, out var row))
        {
            row = new CandidateRow
            {
                Name = found.Surface,
                Kind = found.Kind,
                Cue = found.Cue,
                FirstArticleId = articleId,
                FirstSeenAt = DateTimeOffset.UtcNow,
            };
            candidates[found.Surface] = row;
        }

        row.Mentions++;
    }

    /// <summary>Adds the batch's counts to the candidates already known (one statement); a name seen before keeps its first article.</summary>
    private static async Task SaveCandidatesAsync(KazakhDbContext db, IReadOnlyCollection<CandidateRow> found, CancellationToken ct)
    {
        if (found.Count == 0)
        {
            return;
        }

        var names = found.Select(c => c.Name).ToArray();
        var kinds = found.Select(c => c.Kind.ToString()).ToArray();
        var cues = found.Select(c => c.Cue).ToArray();
        var mentions = found.Select(c => c.Mentions).ToArray();
        var articles = found.Select(c => c.FirstArticleId).ToArray();
        var seen = found.Select(c => c.FirstSeenAt).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO entity_candidates (name, kind, cue, mentions, first_article_id, first_seen_at, status)
            SELECT name, kind, cue, mentions, article, seen, 'Open'
            FROM unnest({names}, {kinds}, {cues}, {mentions}, {articles}, {seen}) AS t(name, kind, cue, mentions, article, seen)
            ON CONFLICT (name) DO UPDATE SET mentions = entity_candidates.mentions + excluded.mentions
            """, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Events step: {Articles} articles read, {Mentions} entity rows, {Events} events, {Figures} figures, {Quotes} quotes, {Candidates} candidate names")]
    private static partial void LogBatch(ILogger logger, int articles, int mentions, int events, int figures, int quotes, int candidates);
}
