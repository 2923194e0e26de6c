using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Relevance;
using KazakhUnrest.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Steps 5–7, filing: relevance, near-duplicates and the story of every stored article not filed yet, in batches of
/// one transaction each. One process at a time holds the story lock; its <see cref="ClustererState"/> first catches up
/// with what other processes filed.
/// </summary>
public sealed partial class StoriesStep(IServiceScopeFactory scopes, ClustererState state, IOptions<PipelineOptions> options, ILogger<StoriesStep> logger)
{
    private readonly BatchRunner _runner = new();

    /// <summary>Files every pending article; returns how many. <paramref name="onBatch"/> hears of each batch (for benchmarks).</summary>
    public Task<int> RunPendingAsync(CancellationToken ct, Action<int>? onBatch = null) => _runner.RunAsync(RunBatchAsync, ct, onBatch);

    /// <summary>
    /// Forgets every machine decision (editors' merges and splits stay, and are recorded with the re-clustering so
    /// every process starts afresh); the next run files all articles again in publication order.
    /// </summary>
    public Task<int> ForgetAsync(CancellationToken ct) => _runner.AloneAsync(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoryEditing.LockAsync(db, ct);
        var count = await db.Articles.ExecuteUpdateAsync(a => a
            .SetProperty(x => x.ClusteredAt, (DateTimeOffset?)null)
            .SetProperty(x => x.ClusterSeq, (long?)null)
            .SetProperty(x => x.DuplicateOfId, (long?)null)
            .SetProperty(x => x.StoryId, x => x.StoryPinned ? x.StoryId : null), ct);
        // Stories no article holds any more would keep stale headlines under re-used ids.
        await db.Stories.Where(s => !db.Articles.Any(a => a.StoryId == s.Id) && s.MergedIntoId == null).ExecuteDeleteAsync(ct);
        db.StoryEdits.Add(new StoryEdit { Kind = StoryEditKind.Recluster, Actor = "pipeline", At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        state.Forget();
        return count;
    }, ct);

    /// <summary>Forgets every machine decision and files all articles again.</summary>
    public async Task<int> ReclusterAsync(CancellationToken ct)
    {
        await ForgetAsync(ct);
        return await RunPendingAsync(ct);
    }

    private async Task<int> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoryEditing.LockAsync(db, ct);

        var pending = await db.Articles.AsNoTracking()
            .Where(a => a.ClusteredAt == null)
            .OrderBy(a => a.PublishedAt ?? a.FirstSeenAt).ThenBy(a => a.Id)
            .Take(options.Value.FilingBatch)
            .Select(a => new Pending(a.Id, a.Outlet.Slug, a.PublishedAt ?? a.FirstSeenAt, a.PublishedAt, a.Title, a.Text, a.Language, a.RelevanceOverride))
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var clusterer = await state.CurrentAsync(db, ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Clustering is sequential (each article sees the ones before it); what comes before it is not.
        var prepared = pending.AsParallel().AsOrdered().Select(Prepare).ToList();
        var rows = prepared.Select(p => File(clusterer, p)).ToList();
        var fileMs = clock.ElapsedMilliseconds;
        // Stories first: articles point to them.
        await SaveNewStoriesAsync(db, rows, ct);
        await WriteAsync(db, rows, ct);
        var touched = await db.Articles.Where(a => rows.Select(r => r.Id).Contains(a.Id) && a.StoryId != null)
            .Select(a => a.StoryId!.Value).Distinct().ToListAsync(ct);
        await StoryStats.RefreshAsync(db, touched, ct);
        await RefreshHeadlinesAsync(db, clusterer, touched, ct);
        await DatesStep.StoriesChangedAsync(db, touched, ct);
        await state.FiledAsync(db, rows.Count, ct);
        await transaction.CommitAsync(ct);
        LogTimings(logger, rows.Count, fileMs, clock.ElapsedMilliseconds - fileMs);
        LogBatch(logger, rows.Count, rows.Count(r => r.NewStory), rows.Count(r => r.DuplicateOf is not null), rows.Count(r => !r.OnTopic));
        return rows.Count;
    }

    private sealed record Pending(long Id, string Outlet, DateTimeOffset Time, DateTimeOffset? Published, string Title, string Text, string? Language, bool? Override);

    private sealed record Filed(long Id, double Score, string[] Reasons, bool OnTopic, byte[] Signature, long? DuplicateOf, double? Similarity,
        long? StoryId, bool NewStory, string Title, DateTimeOffset Time);

    /// <summary>What each article needs before clustering; independent per article, so computed in parallel.</summary>
    private sealed record Prepared(Pending Article, RelevanceResult Relevance, uint[] Signature, IReadOnlyList<string> Entities);

    private static Prepared Prepare(Pending p) =>
        new(p, RelevanceStep.Score(p.Title, p.Text, p.Published, p.Language), DuplicatesStep.Signature(p.Text), ArticleFeatures.EntitiesOf(p.Title, p.Text));

    private static Filed File(StoryClusterer clusterer, Prepared prepared)
    {
        var (p, relevance, signature) = (prepared.Article, prepared.Relevance, prepared.Signature);
        var onTopic = RelevanceStep.OnTopic(relevance, p.Override);
        var copyOf = DuplicatesStep.Find(clusterer, p.Id, signature);
        var assignment = clusterer.Add(new ArticleFeatures(p.Id, p.Outlet, p.Time, p.Title, p.Text, onTopic, p.Published is not null,
            prepared.Entities), copyOf);
        var story = assignment.StoryId == StoryClusterer.NoStory ? (long?)null : assignment.StoryId;
        return new Filed(p.Id, relevance.Score, [.. relevance.Reasons], onTopic, ShingleSketch.ToBytes(signature),
            assignment.DuplicateOf, assignment.DuplicateOf is null ? null : assignment.Similarity, story, assignment.NewStory, p.Title, p.Time);
    }

    // Bounded work per story and batch: the headline is chosen among the story's earliest originals.
    private const int HeadlineCandidates = 60;

    /// <summary>A story carries the headline of its most central original report.</summary>
    private static async Task RefreshHeadlinesAsync(KazakhDbContext db, StoryClusterer clusterer, List<long> storyIds, CancellationToken ct)
    {
        if (storyIds.Count == 0)
        {
            return;
        }

        var ids = storyIds.ToArray();
        var members = await db.Database.SqlQuery<HeadlineCandidate>($"""
            SELECT story_id AS "StoryId", id AS "Id", time AS "Time", title AS "Title", text AS "Text" FROM (
                SELECT story_id, id, coalesce(published_at, first_seen_at) AS time, title, text,
                       row_number() OVER (PARTITION BY story_id ORDER BY coalesce(published_at, first_seen_at), id) AS n
                FROM articles
                WHERE story_id = ANY({ids}) AND on_topic AND duplicate_of_id IS NULL) ranked
            WHERE n <= {HeadlineCandidates}
            """).ToListAsync(ct);
        var chosen = members.GroupBy(m => m.StoryId)
            .Select(g => (Story: g.Key, Central: StoryHeadline.MostCentral([.. g.Select(m => new StoryMember(m.Id, m.Time, m.Title, m.Text))], clusterer.Vectorizer)!))
            .ToList();
        var stories = chosen.Select(c => c.Story).ToArray();
        var articles = chosen.Select(c => c.Central.Id).ToArray();
        var titles = chosen.Select(c => c.Central.Title).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE stories s SET headline = c.title, headline_article_id = c.article
            FROM unnest({stories}, {articles}, {titles}) AS c(story, article, title)
            WHERE s.id = c.story AND s.headline_article_id IS DISTINCT FROM c.article
            """, ct);
    }

    private sealed record HeadlineCandidate(long StoryId, long Id, DateTimeOffset Time, string Title, string Text);

    // One statement for the whole batch: row-by-row updates would dominate the step's cost.
    private static async Task WriteAsync(KazakhDbContext db, List<Filed> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        // The filing order must be the order of cluster_seq, which replaying the clusterer follows. nextval() inside the
        // UPDATE would number rows in whatever order the plan visits them (a hash join visits them in table order), so
        // a block of numbers is taken first and handed out by the batch's order. Filers hold the story lock, so no one
        // else takes numbers between the two statements.
        long first;
        await using (var reserve = new NpgsqlCommand(
            "SELECT setval('article_cluster_seq', nextval('article_cluster_seq') + @count - 1) - @count + 1", connection, transaction))
        {
            reserve.Parameters.Add(new NpgsqlParameter<long>("count", rows.Count));
            first = (long)(await reserve.ExecuteScalarAsync(ct))!;
        }

        await using var command = new NpgsqlCommand("""
            UPDATE articles a SET
                relevance_score = r.score,
                relevance_reasons = string_to_array(r.reasons, E'\x1f'),
                on_topic = r.on_topic,
                signature = r.signature,
                duplicate_of_id = r.duplicate_of,
                duplicate_similarity = r.similarity,
                story_id = CASE WHEN a.story_pinned THEN a.story_id ELSE r.story_id END,
                clustered_at = now(),
                cluster_seq = @first + r.n - 1,
                events_at = NULL
            FROM (
                SELECT * FROM unnest(@ids, @scores, @reasons, @on_topic, @signatures, @duplicates, @similarities, @stories)
                WITH ORDINALITY AS t(id, score, reasons, on_topic, signature, duplicate_of, similarity, story_id, n)
                ORDER BY n
            ) r
            WHERE a.id = r.id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long>("first", first));
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", rows.Select(r => r.Id).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double[]>("scores", rows.Select(r => r.Score).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("reasons", rows.Select(r => string.Join('\x1f', r.Reasons)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<bool[]>("on_topic", rows.Select(r => r.OnTopic).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("signatures", rows.Select(r => r.Signature).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<long?[]>("duplicates", rows.Select(r => r.DuplicateOf).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<double?[]>("similarities", rows.Select(r => r.Similarity).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter<long?[]>("stories", rows.Select(r => r.StoryId).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A story the clusterer starts gets its first article's headline; a re-used id (after re-clustering) is reset.</summary>
    private static async Task SaveNewStoriesAsync(KazakhDbContext db, List<Filed> rows, CancellationToken ct)
    {
        var created = rows.Where(r => r.NewStory && r.StoryId is not null).ToList();
        if (created.Count == 0)
        {
            return;
        }

        var ids = created.Select(c => c.StoryId!.Value).ToList();
        var existing = await db.Stories.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var r in created)
        {
            if (!existing.TryGetValue(r.StoryId!.Value, out var story))
            {
                story = new Story { Id = r.StoryId.Value, Headline = r.Title };
                db.Stories.Add(story);
                existing[story.Id] = story;
            }

            (story.Headline, story.HeadlineArticleId, story.FirstPublishedAt, story.LastPublishedAt, story.UpdatedAt, story.MergedIntoId) =
                (r.Title, r.Id, r.Time, r.Time, DateTimeOffset.UtcNow, null);
        }

        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(LogLevel.Information, "Story step: {Articles} articles filed, {NewStories} new stories, {Duplicates} copies, {OffTopic} off-topic")]
    private static partial void LogBatch(ILogger logger, int articles, int newStories, int duplicates, int offTopic);

    [LoggerMessage(LogLevel.Debug, "Story step batch of {Articles}: filing {FileMs} ms, writing {WriteMs} ms")]
    private static partial void LogTimings(ILogger logger, int articles, long fileMs, long writeMs);
}
