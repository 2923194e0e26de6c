using System.Diagnostics;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        if (snapshot is not null && StoryClusterer.ReadSnapshot(new MemoryStream(snapshot.Data), options.Value) is { } loaded)
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
                    Signature: a.Signature is null ? DuplicatesStep.Signature(a.Text) : MinHash.FromBytes(a.Signature)))
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
        using var buffer = new MemoryStream();
        _clusterer.WriteSnapshot(buffer);
        var snapshot = new ClustererSnapshot
        {
            ClusterSeq = _known.Seq,
            EditId = _known.Edits,
            Articles = _clusterer.ArticleCount,
            CreatedAt = DateTimeOffset.UtcNow,
            Data = buffer.ToArray(),
        };
        db.ClustererSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        // Only the newest is ever read; older ones are dead weight of the same size.
        await db.ClustererSnapshots.Where(s => s.Id != snapshot.Id).ExecuteDeleteAsync(ct);
        db.Entry(snapshot).State = EntityState.Detached;
        _filedSinceSnapshot = 0;
        LogSnapshot(logger, snapshot.Articles, snapshot.Data.Length / 1024, clock.ElapsedMilliseconds);
    }

    /// <summary>What the clusterer must be level with: the last article filed and the last editors' decision.</summary>
    private readonly record struct DatabaseState(long Seq, long Edits)
    {
        public static async Task<DatabaseState> ReadAsync(KazakhDbContext db, CancellationToken ct) =>
            new(await db.Articles.MaxAsync(a => a.ClusterSeq, ct) ?? 0, await db.StoryEdits.MaxAsync(e => (long?)e.Id, ct) ?? 0);
    }

    [LoggerMessage(LogLevel.Information, "Story clusterer caught up: snapshot loaded {Loaded}, {Articles} filed articles added in {ElapsedMs} ms")]
    private static partial void LogCaughtUp(ILogger logger, bool loaded, int articles, long elapsedMs);

    [LoggerMessage(LogLevel.Information, "Story clusterer snapshot of {Articles} articles written ({SizeKiB} KiB, {ElapsedMs} ms)")]
    private static partial void LogSnapshot(ILogger logger, int articles, long sizeKiB, long elapsedMs);
}
