using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Stories;

public sealed class StoryEditException(string message) : Exception(message);

/// <summary>
/// A person's correction: who makes it (the account's id and e-mail, for the audit log), why, and the version of the
/// object the person saw (null when the caller does not say, as the command line and an API call without one).
/// </summary>
public sealed record Correction(string ActorId, string ActorEmail, string? Reason, int? Version = null);

/// <summary>
/// Refuses a correction made from an older version of the object: someone else changed it in between. Carries who did,
/// when, and the object's current state, so the person can decide again; nothing was changed.
/// </summary>
public sealed class EditConflictException(string objectType, long objectId, int version, string? changedBy, DateTimeOffset? changedAt, object current)
    : Exception($"this {objectType} was changed by {changedBy ?? "someone else"}{(changedAt is { } at ? $" at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "")} while you were editing; here is its current state")
{
    public string ObjectType { get; } = objectType;
    public long ObjectId { get; } = objectId;
    public int Version { get; } = version;
    public string? ChangedBy { get; } = changedBy;
    public DateTimeOffset? ChangedAt { get; } = changedAt;
    public object Current { get; } = current;
}

/// <summary>
/// Editors' corrections of the machine's clustering and relevance. Each is recorded (a replayed <see cref="StoryEdit"/>
/// or an override on the article) so the next clustering run never undoes it, and written to the audit log in the same
/// transaction. Every correction takes <see cref="AdvisoryLock"/>, so checking the version the editor saw and writing the
/// next one cannot interleave with another editor's correction.
/// </summary>
public static class StoryEditing
{
    /// <summary>Serialises the story step and editors' edits across processes.</summary>
    public const long AdvisoryLock = 0x4b5a_5354_4f52_5953; // "KZSTORYS"

    public static async Task MergeAsync(KazakhDbContext db, long fromId, long intoId, Correction by, CancellationToken ct)
    {
        CheckReason(by.Reason);
        if (fromId == intoId)
        {
            throw new StoryEditException("a story cannot be merged into itself");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        var from = await db.Stories.FirstOrDefaultAsync(s => s.Id == fromId, ct) ?? throw new StoryEditException($"no story {fromId}");
        await CheckVersionAsync(db, from, by.Version, ct);
        var into = await db.Stories.FirstOrDefaultAsync(s => s.Id == intoId, ct) ?? throw new StoryEditException($"no story {intoId}");
        if (from.MergedIntoId is not null || into.MergedIntoId is not null)
        {
            throw new StoryEditException("one of the stories was already merged away; merge into the story it became");
        }

        var moved = await db.Articles.Where(a => a.StoryId == fromId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var before = new { From = State(from), Into = State(into) };
        from.MergedIntoId = into.Id;
        from.EditVersion++;
        into.EditVersion++;
        var now = DateTimeOffset.UtcNow;
        db.StoryEdits.Add(new StoryEdit { Kind = StoryEditKind.Merge, StoryId = from.Id, TargetStoryId = into.Id, Actor = by.ActorEmail, Note = Trimmed(by.Reason), At = now });
        AuditLog.Record(db, by.ActorId, by.ActorEmail, CorrectionKinds.StoryMerge, AuditObjects.Story, Id(fromId), before,
            new { From = State(from), Into = State(into), Moved = moved }, by.Reason, articleIds: moved, at: now);
        await db.SaveChangesAsync(ct);
        await db.Articles.Where(a => a.StoryId == fromId).ExecuteUpdateAsync(a => a.SetProperty(x => x.StoryId, intoId), ct);
        await StoryStats.RefreshAsync(db, [fromId, intoId], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Moves the given articles of a story into a new story of their own, pinned there.</summary>
    public static async Task<long> SplitAsync(KazakhDbContext db, long storyId, IReadOnlyCollection<long> articleIds, Correction by, CancellationToken ct)
    {
        CheckReason(by.Reason);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        if (articleIds.Count == 0)
        {
            throw new StoryEditException("a split needs at least one article to move");
        }

        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == storyId && s.MergedIntoId == null, ct)
            ?? throw new StoryEditException($"no story {storyId}");
        await CheckVersionAsync(db, story, by.Version, ct);
        var moving = await db.Articles.Where(a => a.StoryId == storyId && articleIds.Contains(a.Id)).ToListAsync(ct);
        if (moving.Count != articleIds.Distinct().Count())
        {
            throw new StoryEditException($"not every article given belongs to story {storyId}");
        }

        var staying = await db.Articles.Where(a => a.StoryId == storyId && !articleIds.Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        if (staying.Count == 0)
        {
            throw new StoryEditException("a split must leave at least one article in the story");
        }

        var newId = await NextStoryIdAsync(db, ct);
        var first = moving.OrderBy(a => a.PublishedAt ?? a.FirstSeenAt).ThenBy(a => a.Id).First();
        var now = DateTimeOffset.UtcNow;
        var split = new Story { Id = newId, Headline = first.Title, HeadlineArticleId = first.Id, FirstPublishedAt = first.PublishedAt ?? first.FirstSeenAt, LastPublishedAt = first.PublishedAt ?? first.FirstSeenAt, UpdatedAt = now };
        db.Stories.Add(split);
        foreach (var article in moving)
        {
            article.StoryId = newId;
            article.StoryPinned = true;
        }

        List<long> movedIds = [.. moving.Select(a => a.Id).Order()];
        var before = new { Story = State(story), Articles = staying.Concat(movedIds).Order().ToList() };
        story.EditVersion++;
        db.StoryEdits.Add(new StoryEdit { Kind = StoryEditKind.Split, StoryId = storyId, TargetStoryId = newId, ArticleIds = movedIds, Actor = by.ActorEmail, Note = Trimmed(by.Reason), At = now });
        AuditLog.Record(db, by.ActorId, by.ActorEmail, CorrectionKinds.StorySplit, AuditObjects.Story, Id(storyId), before,
            new { Story = State(story), Articles = staying, NewStory = new { newId, split.Headline, Articles = movedIds } }, by.Reason, articleIds: movedIds, at: now);
        await db.SaveChangesAsync(ct);
        await StoryStats.RefreshAsync(db, [storyId, newId], ct);
        await transaction.CommitAsync(ct);
        return newId;
    }

    /// <summary>Sets (true/false) or clears (null, "the machine decides") an editor's relevance decision; the story step re-files the article.</summary>
    public static async Task SetRelevanceAsync(KazakhDbContext db, long articleId, bool? onTopic, Correction by, CancellationToken ct)
    {
        CheckReason(by.Reason);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, ct) ?? throw new StoryEditException($"no article {articleId}");
        await CheckVersionAsync(db, article, by.Version, ct);
        var before = new { article.OnTopic, article.RelevanceOverride };
        article.RelevanceOverride = onTopic;
        article.OnTopic = onTopic ?? article.OnTopic;
        article.ClusteredAt = null;
        article.EditVersion++;
        AuditLog.Record(db, by.ActorId, by.ActorEmail, CorrectionKinds.ArticleRelevance, AuditObjects.Article, Id(articleId), before,
            new { article.OnTopic, article.RelevanceOverride }, by.Reason, articleIds: [articleId]);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Stories editors create are numbered apart from the clusterer's, which count up from 1.</summary>
    public const long FirstEditorStoryId = 1_000_000_000;

    public static async Task<long> NextStoryIdAsync(KazakhDbContext db, CancellationToken ct) =>
        Math.Max(FirstEditorStoryId - 1, await db.Stories.MaxAsync(s => (long?)s.Id, ct) ?? 0) + 1;

    /// <summary>Transaction-scoped: released at commit or rollback, so a crashed process never holds it.</summary>
    public static Task LockAsync(KazakhDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({AdvisoryLock})", ct);

    /// <summary>What a conflict shows of a story, and what the audit log keeps before and after.</summary>
    public static object State(Story story) =>
        new { story.Id, story.Headline, story.ArticleCount, story.OutletCount, story.MergedIntoId, Version = story.EditVersion };

    public static object State(Article article) => new
    {
        article.Id,
        article.Title,
        article.OnTopic,
        article.RelevanceOverride,
        article.PublishedAt,
        article.MachinePublishedAt,
        article.PublishedAtByEditor,
        Version = article.EditVersion,
    };

    /// <summary>Refuses a story correction made from another version than the current one (the lock is held).</summary>
    public static async Task CheckVersionAsync(KazakhDbContext db, Story story, int? seen, CancellationToken ct)
    {
        if (seen is { } version && version != story.EditVersion)
        {
            var id = Id(story.Id);
            var last = await db.AuditEntries.AsNoTracking()
                .Where(e => (e.ObjectType == AuditObjects.Story && e.ObjectId == id)
                    || (e.Kind == CorrectionKinds.StoryMerge && EF.Functions.JsonContains(e.After!, $"{{\"into\":{{\"id\":{story.Id}}}}}")))
                .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
            throw new EditConflictException(AuditObjects.Story, story.Id, story.EditVersion, last?.ActorEmail, last?.At, State(story));
        }
    }

    /// <summary>Refuses an article correction made from another version than the current one (the lock is held).</summary>
    public static async Task CheckVersionAsync(KazakhDbContext db, Article article, int? seen, CancellationToken ct)
    {
        if (seen is { } version && version != article.EditVersion)
        {
            var id = Id(article.Id);
            var last = await db.AuditEntries.AsNoTracking().Where(e => e.ObjectType == AuditObjects.Article && e.ObjectId == id)
                .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
            throw new EditConflictException(AuditObjects.Article, article.Id, article.EditVersion, last?.ActorEmail, last?.At, State(article));
        }
    }

    public static void CheckReason(string? reason)
    {
        if (reason is not null && reason.Trim().Length > AuditLimits.Reason)
        {
            throw new StoryEditException($"a reason is at most {AuditLimits.Reason} characters");
        }
    }

    private static string? Trimmed(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The audit log kinds (<c>object.action</c>) of the corrections of stories and articles.</summary>
public static class CorrectionKinds
{
    public const string StoryMerge = "story.merge";
    public const string StorySplit = "story.split";
    public const string ArticleRelevance = "article.relevance";
    public const string ArticlePublished = "article.published-date";
}
