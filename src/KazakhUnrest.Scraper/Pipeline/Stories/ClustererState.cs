using System.Diagnostics;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// The story clusterer of this process, kept level with the database. Filing is sequential (each article sees the
/// ones before it) and runs under the story lock, so whichever process holds the lock first brings its clusterer up
/// to what the others filed: it adds the articles filed since it last looked, in filing order, which gives exactly
/// the state one process filing everything would have. A process that starts (or that sees an editor's merge,
/// split or re-clustering) loads the newest snapshot written for the current editors' decisions and catches up from
/// it; only when there is none does it replay every filed article, and then it writes one.
/// </summary>
public sealed partial class ClustererState(IOptions<StoryClustererOptions> options, IOptions<PipelineOptions> pipeline, ILogger<ClustererState> logger)
{

    private StoryClusterer? _clusterer;
    private DatabaseState _known = new(-1, -1);
    private long _filedSinceSnapshot;
    private int _lastSnapshotBytes;

    /// <summary>Set after a re-clustering forgot everything: the next batch starts from an empty clusterer.</summary>
    public void Forget() => (_clusterer, _known) = (null, new DatabaseState(-1, -1));

    /// <summary>The clusterer, level with every article filed so far. Call inside the transaction that holds the story lock.</summary>
    public async Task<StoryClusterer> CurrentAsync(KazakhDbContext db, CancellationToken ct)
    {
        var state = await DatabaseState.ReadAsync(db, ct);
        if (_clusterer is not null && state == _known)
        {
            return _clusterer;
        }

        var clock = Stopwatch.StartNew();
        var (clusterer, from, loaded) = _clusterer is not null && state.Edits == _known.Edits
            ? (_clusterer, _known.Seq, false)
            : await StartAsync(db, state, ct);
        var replayed = await CatchUpAsync(db, clusterer, from, ct);
        (_clusterer, _known) = (clusterer, state);
        LogCaughtUp(logger, loaded, replayed, clock.ElapsedMilliseconds);
        if (!loaded && from == 0 && replayed > 0)
        {
            // Nobody else should have to replay all of that again.
            await WriteSnapshotAsync(db, ct);
        }

        return clusterer;
    }

    /// <summary>Records that this process filed a batch (its clusterer already holds it); writes a snapshot now and then.</summary>
    public async Task FiledAsync(KazakhDbContext db, int articles, CancellationToken ct)
    {
        _known = await DatabaseState.ReadAsync(db, ct);
        _filedSinceSnapshot += articles;
        if (_filedSinceSnapshot >= pipeline.Value.SnapshotEvery)
        {
            await WriteSnapshotAsync(db, ct);
        }
    }

    /// <summary>The newest snapshot made under the current editors' decisions, else an empty clusterer with those decisions.</summary>
    private async Task<(StoryClusterer, long From, bool Loaded)> StartAsync(KazakhDbContext db, DatabaseState state, CancellationToken ct)
    {
        var snapshot = await db.ClustererSnapshots.AsNoTracking()
            .Where(s => s.EditId == state.Edits && s.ClusterSeq <= state.Seq)
            .OrderByDescending(s => s.ClusterSeq).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(ct);
        if (snapshot is not null && StoryClusterer.ReadSnapshot(new MemoryStream(snapshot.Data), options.Value, SignaturesOf(db)) is { } loaded)
        {
            _filedSinceSnapshot = 0;
            return (loaded, snapshot.ClusterSeq, true);
        }

        var clusterer = new StoryClusterer(options.Value);
        foreach (var edit in await db.StoryEdits.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct))
        {
            if (edit.Kind == StoryEditKind.Merge)
            {
                clusterer.Merge(edit.StoryId, edit.TargetStoryId);
            }
            else if (edit.Kind == StoryEditKind.Split)
            {
                edit.ArticleIds.ForEach(id => clusterer.Pin(id, edit.TargetStoryId));
            }
        }

        return (clusterer, 0, false);
    }

    /// <summary>The stored sketches of filed articles (computed from the text where none, or an older layout, was stored).</summary>
    private static Func<IReadOnlyList<long>, IReadOnlyDictionary<long, uint[]>> SignaturesOf(KazakhDbContext db) => ids =>
    {
        // Synchronous: the snapshot reader asks in the middle of reading; this runs once when a process starts. Every
        // stored signature in one scan: cheaper than looking a hundred thousand ids up.
        var stored = db.Articles.AsNoTracking().Where(a => a.Signature != null).Select(a => new { a.Id, a.Signature })
            .AsEnumerable()
            .Select(a => (a.Id, Sketch: ShingleSketch.FromBytes(a.Signature!)))
            .Where(a => a.Sketch is not null)
            .ToDictionary(a => a.Id, a => a.Sketch!);
        var missing = ids.Where(id => !stored.ContainsKey(id)).ToArray();
        foreach (var a in db.Articles.AsNoTracking().Where(a => missing.Contains(a.Id)).Select(a => new { a.Id, a.Text }))
        {
            stored[a.Id] = DuplicatesStep.Signature(a.Text);
        }

        return stored;
    };

    /// <summary>Adds the articles filed after <paramref name="afterSeq"/> in filing order, as their filing process did.</summary>
    private static async Task<int> CatchUpAsync(KazakhDbContext db, StoryClusterer clusterer, long afterSeq, CancellationToken ct)
    {
        var replayed = 0;
        // Read in chunks so the features of one chunk are computed in parallel while adding stays in order.
        const int Chunk = 2_000;
        var seq = afterSeq;
        while (true)
        {
            var rows = await db.Articles.AsNoTracking().Where(a => a.ClusterSeq > seq).OrderBy(a => a.ClusterSeq).Take(Chunk)
                .Select(a => new { a.Id, Seq = a.ClusterSeq!.Value, a.Outlet.Slug, Time = a.PublishedAt ?? a.FirstSeenAt, Dated = a.PublishedAt != null, a.Title, a.Text, a.OnTopic, a.Signature })
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                return replayed;
            }

            var features = rows.AsParallel().AsOrdered()
                .Select(a => (Features: new ArticleFeatures(a.Id, a.Slug, a.Time, a.Title, a.Text, a.OnTopic, a.Dated, ArticleFeatures.EntitiesOf(a.Title, a.Text)),
                    Signature: DuplicatesStep.Signature(a.Signature, a.Text)))
                .ToList();
            foreach (var (article, signature) in features)
            {
                clusterer.Add(article, DuplicatesStep.Find(clusterer, article.Id, signature));
            }

            replayed += rows.Count;
            seq = rows[^1].Seq;
        }
    }

    private async Task WriteSnapshotAsync(KazakhDbContext db, CancellationToken ct)
    {
        if (_clusterer is null)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        // Sized from the last snapshot: growing a 100 MB buffer by doubling copies it several times.
        using var buffer = new MemoryStream(_lastSnapshotBytes + (_lastSnapshotBytes / 8));
        _clusterer.WriteSnapshot(buffer);
        _lastSnapshotBytes = (int)buffer.Length;
        var serialized = clock.ElapsedMilliseconds;
        // Plain Npgsql rather than EF: change tracking would copy and compare the hundred megabytes.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO clusterer_snapshots (cluster_seq, edit_id, articles, created_at, data) VALUES (@seq, @edits, @articles, now(), @data) RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<long>("seq", _known.Seq));
            insert.Parameters.Add(new NpgsqlParameter<long>("edits", _known.Edits));
            insert.Parameters.Add(new NpgsqlParameter<int>("articles", _clusterer.ArticleCount));
            insert.Parameters.Add(new NpgsqlParameter<ArraySegment<byte>>("data", new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length)));
            var id = (long)(await insert.ExecuteScalarAsync(ct))!;
            // Only the newest is ever read; older ones are dead weight of the same size.
            await db.ClustererSnapshots.Where(s => s.Id != id).ExecuteDeleteAsync(ct);
        }

        _filedSinceSnapshot = 0;
        LogSnapshot(logger, _clusterer.ArticleCount, buffer.Length / 1024, serialized, clock.ElapsedMilliseconds - serialized);
    }

    /// <summary>What the clusterer must be level with: the last article filed and the last editors' decision.</summary>
    private readonly record struct DatabaseState(long Seq, long Edits)
    {
        public static async Task<DatabaseState> ReadAsync(KazakhDbContext db, CancellationToken ct) =>
            new(await db.Articles.MaxAsync(a => a.ClusterSeq, ct) ?? 0, await db.StoryEdits.MaxAsync(e => (long?)e.Id, ct) ?? 0);
    }

    [LoggerMessage(LogLevel.Information, "Story clusterer caught up: snapshot loaded {Loaded}, {Articles} filed articles added in {ElapsedMs} ms")]
    private static partial void LogCaughtUp(ILogger logger, bool loaded, int articles, long elapsedMs);

    [LoggerMessage(LogLevel.Information, "Story clusterer snapshot of {Articles} articles written ({SizeKiB} KiB): serialised in {SerializeMs} ms, stored in {StoreMs} ms")]
    private static partial void LogSnapshot(ILogger logger, int articles, long sizeKiB, long serializeMs, long storeMs);
}
