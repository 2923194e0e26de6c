using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Stories;

public sealed class StoryEditException(string message) : Exception(message);

/// <summary>
/// Editors' corrections of the machine's clustering and relevance. Each is recorded and replayed when
/// clustering runs again, so a correction is never undone by the next run.
/// </summary>
public static class StoryEditing
{
    /// <summary>Serialises the story step and editors' edits across processes.</summary>
    public const long AdvisoryLock = 0x4b5a_5354_4f52_5953; // "KZSTORYS"

    public static async Task MergeAsync(KazakhDbContext db, long fromId, long intoId, string actor, string? note, CancellationToken ct)
    {
        if (fromId == intoId)
        {
            throw new StoryEditException("a story cannot be merged into itself");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        var from = await db.Stories.FirstOrDefaultAsync(s => s.Id == fromId, ct) ?? throw new StoryEditException($"no story {fromId}");
        var into = await db.Stories.FirstOrDefaultAsync(s => s.Id == intoId, ct) ?? throw new StoryEditException($"no story {intoId}");
        if (from.MergedIntoId is not null || into.MergedIntoId is not null)
        {
            throw new StoryEditException("one of the stories was already merged away; merge into the story it became");
        }

        from.MergedIntoId = into.Id;
        db.StoryEdits.Add(new StoryEdit { Kind = StoryEditKind.Merge, StoryId = from.Id, TargetStoryId = into.Id, Actor = actor, Note = note, At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(ct);
        await db.Articles.Where(a => a.StoryId == fromId).ExecuteUpdateAsync(a => a.SetProperty(x => x.StoryId, intoId), ct);
        await StoryStats.RefreshAsync(db, [fromId, intoId], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Moves the given articles of a story into a new story of their own, pinned there.</summary>
    public static async Task<long> SplitAsync(KazakhDbContext db, long storyId, IReadOnlyCollection<long> articleIds, string actor, string? note, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        if (articleIds.Count == 0)
        {
            throw new StoryEditException("a split needs at least one article to move");
        }

        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == storyId && s.MergedIntoId == null, ct)
            ?? throw new StoryEditException($"no story {storyId}");
        var moving = await db.Articles.Where(a => a.StoryId == storyId && articleIds.Contains(a.Id)).ToListAsync(ct);
        if (moving.Count != articleIds.Distinct().Count())
        {
            throw new StoryEditException($"not every article given belongs to story {storyId}");
        }

        var remaining = await db.Articles.CountAsync(a => a.StoryId == storyId && !articleIds.Contains(a.Id), ct);
        if (remaining == 0)
        {
            throw new StoryEditException("a split must leave at least one article in the story");
        }

        var newId = await NextStoryIdAsync(db, ct);
        var first = moving.OrderBy(a => a.PublishedAt ?? a.FirstSeenAt).ThenBy(a => a.Id).First();
        db.Stories.Add(new Story { Id = newId, Headline = first.Title, HeadlineArticleId = first.Id, FirstPublishedAt = first.PublishedAt ?? first.FirstSeenAt, LastPublishedAt = first.PublishedAt ?? first.FirstSeenAt, UpdatedAt = DateTimeOffset.UtcNow });
        foreach (var article in moving)
        {
            article.StoryId = newId;
            article.StoryPinned = true;
        }

        db.StoryEdits.Add(new StoryEdit { Kind = StoryEditKind.Split, StoryId = storyId, TargetStoryId = newId, ArticleIds = [.. articleIds.Order()], Actor = actor, Note = note, At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(ct);
        await StoryStats.RefreshAsync(db, [storyId, newId], ct);
        await transaction.CommitAsync(ct);
        return newId;
    }

    /// <summary>Sets (true/false) or clears (null) an editor's relevance decision; the story step re-files the article.</summary>
    public static async Task SetRelevanceAsync(KazakhDbContext db, long articleId, bool? onTopic, CancellationToken ct)
    {
        var updated = await db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(a => a
            .SetProperty(x => x.RelevanceOverride, onTopic)
            .SetProperty(x => x.OnTopic, x => onTopic ?? x.OnTopic)
            .SetProperty(x => x.ClusteredAt, (DateTimeOffset?)null), ct);
        if (updated == 0)
        {
            throw new StoryEditException($"no article {articleId}");
        }
    }

    /// <summary>Stories editors create are numbered apart from the clusterer's, which count up from 1.</summary>
    public const long FirstEditorStoryId = 1_000_000_000;

    public static async Task<long> NextStoryIdAsync(KazakhDbContext db, CancellationToken ct) =>
        Math.Max(FirstEditorStoryId - 1, await db.Stories.MaxAsync(s => (long?)s.Id, ct) ?? 0) + 1;

    /// <summary>Transaction-scoped: released at commit or rollback, so a crashed process never holds it.</summary>
    public static Task LockAsync(KazakhDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({AdvisoryLock})", ct);
}
