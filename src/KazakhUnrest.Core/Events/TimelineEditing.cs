using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Events;

public static class TimelineLimits
{
    public const int Title = 200;
    public const int Note = 2_000;

    /// <summary>A milestone cites the few reports that establish it, not a whole story.</summary>
    public const int Articles = 50;
}

/// <summary>What an editor gives for a milestone.</summary>
public sealed record MilestoneInput(DateOnly Date, string? Title, string? Note, IReadOnlyCollection<long>? ArticleIds);

/// <summary>A milestone as the audit log, the API and a conflict message show it.</summary>
public sealed record MilestoneState(long Id, DateOnly Date, string Title, string? Note, IReadOnlyList<long> ArticleIds, string UpdatedBy,
    DateTimeOffset UpdatedAt, uint Version)
{
    public static MilestoneState Of(TimelineMilestone m, uint version) =>
        new(m.Id, m.Date, m.Title, m.Note, [.. m.ArticleIds], m.UpdatedBy, m.UpdatedAt, version);
}

/// <summary>A hidden entry as the audit log and a conflict message show it.</summary>
public sealed record HiddenState(string Key, bool Hidden, string? HiddenBy, string? Reason);

/// <summary>
/// Editors' corrections of the timeline: milestones they pin, and machine-made entries they hide. Neither is stored in
/// the machine's entries, which the timeline step rebuilds; both are read beside them, so they survive every rebuild.
/// Each change adds its audit entry in the same SaveChanges.
/// </summary>
public static class TimelineEditing
{
    public static string MilestoneObjectId(long id) => $"milestone/{id}";

    public static async Task<MilestoneState> PinAsync(KazakhDbContext db, string actorId, string actorEmail, MilestoneInput input, string? reason,
        CancellationToken ct)
    {
        var (title, note, articles) = await CheckAsync(db, input, reason, ct);
        var now = DateTimeOffset.UtcNow;
        var milestone = new TimelineMilestone
        {
            Date = input.Date,
            Title = title,
            Note = note,
            ArticleIds = articles,
            CreatedBy = actorEmail,
            CreatedAt = now,
            UpdatedBy = actorEmail,
            UpdatedAt = now,
        };
        db.TimelineMilestones.Add(milestone);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actorId, actorEmail, "milestone.pin", AuditObjects.TimelineEntry, MilestoneObjectId(milestone.Id),
            null, Audited(milestone), reason, articleIds: articles, at: now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return MilestoneState.Of(milestone, Version(db, milestone));
    }

    /// <param name="version">The version the editor read; a milestone changed since is refused with its current state.</param>
    public static async Task<MilestoneState> UpdateAsync(KazakhDbContext db, string actorId, string actorEmail, long id, uint version,
        MilestoneInput input, string? reason, CancellationToken ct)
    {
        var (title, note, articles) = await CheckAsync(db, input, reason, ct);
        var milestone = await FindAsync(db, id, version, ct);
        var before = Audited(milestone);
        (milestone.Date, milestone.Title, milestone.Note, milestone.ArticleIds) = (input.Date, title, note, articles);
        (milestone.UpdatedBy, milestone.UpdatedAt) = (actorEmail, DateTimeOffset.UtcNow);
        AuditLog.Record(db, actorId, actorEmail, "milestone.edit", AuditObjects.TimelineEntry, MilestoneObjectId(id),
            before, Audited(milestone), reason, articleIds: [.. before.ArticleIds.Union(articles)], at: milestone.UpdatedAt);
        await SaveAsync(db, id, ct);
        return MilestoneState.Of(milestone, Version(db, milestone));
    }

    public static async Task UnpinAsync(KazakhDbContext db, string actorId, string actorEmail, long id, uint version, string? reason,
        CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        var milestone = await FindAsync(db, id, version, ct);
        db.TimelineMilestones.Remove(milestone);
        AuditLog.Record(db, actorId, actorEmail, "milestone.unpin", AuditObjects.TimelineEntry, MilestoneObjectId(id),
            Audited(milestone), null, reason, articleIds: milestone.ArticleIds);
        await SaveAsync(db, id, ct);
    }

    /// <summary>Hides a machine-made entry from readers, by its key, so the entry the next rebuild makes of the same event stays hidden.</summary>
    public static async Task HideAsync(KazakhDbContext db, string actorId, string actorEmail, string key, string? reason, CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        if (!await db.TimelineEntries.AnyAsync(t => t.Key == key, ct))
        {
            throw EditRefusedException.NotFound($"no timeline entry '{key}'");
        }

        if (await db.HiddenTimelineEntries.AsNoTracking().FirstOrDefaultAsync(h => h.Key == key, ct) is { } hidden)
        {
            throw EditRefusedException.Conflict($"{hidden.HiddenBy} hid this entry already", State(hidden));
        }

        var row = new HiddenTimelineEntry { Key = key, HiddenBy = actorEmail, HiddenAt = DateTimeOffset.UtcNow, Reason = Trimmed(reason) };
        db.HiddenTimelineEntries.Add(row);
        AuditLog.Record(db, actorId, actorEmail, "timeline-entry.hide", AuditObjects.TimelineEntry, key,
            new HiddenState(key, false, null, null), State(row), reason, at: row.HiddenAt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another editor hid it between the check and the insert (the key is the primary key).
            db.ChangeTracker.Clear();
            var now = await db.HiddenTimelineEntries.AsNoTracking().FirstOrDefaultAsync(h => h.Key == key, ct);
            throw EditRefusedException.Conflict("another editor hid this entry at the same time", now is null ? null : State(now));
        }
    }

    public static async Task UnhideAsync(KazakhDbContext db, string actorId, string actorEmail, string key, string? reason, CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        var hidden = await db.HiddenTimelineEntries.FirstOrDefaultAsync(h => h.Key == key, ct)
            ?? throw EditRefusedException.Conflict("this entry is not hidden (any more)", new HiddenState(key, false, null, null));
        db.HiddenTimelineEntries.Remove(hidden);
        AuditLog.Record(db, actorId, actorEmail, "timeline-entry.unhide", AuditObjects.TimelineEntry, key,
            State(hidden), new HiddenState(key, false, null, null), reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw EditRefusedException.Conflict("another editor showed this entry again at the same time", new HiddenState(key, false, null, null));
        }
    }

    private static HiddenState State(HiddenTimelineEntry h) => new(h.Key, true, h.HiddenBy, h.Reason);

    private static string? Trimmed(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private static async Task<(string Title, string? Note, List<long> Articles)> CheckAsync(KazakhDbContext db, MilestoneInput input, string? reason,
        CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        var title = EditRefusedException.CheckText("the title", input.Title, TimelineLimits.Title, required: true)!;
        var note = EditRefusedException.CheckText("the note", input.Note, TimelineLimits.Note, multiline: true);
        if (input.Date.Year is < 1900 or > 2199)
        {
            throw EditRefusedException.Invalid("the day is out of range");
        }

        var wanted = (input.ArticleIds ?? []).Distinct().Order().ToList();
        if (wanted.Count > TimelineLimits.Articles)
        {
            throw EditRefusedException.Invalid($"a milestone cites at most {TimelineLimits.Articles} articles");
        }

        var known = await db.Articles.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (wanted.Except(known).FirstOrDefault() is var missing and > 0)
        {
            throw EditRefusedException.Invalid($"no article {missing}");
        }

        return (title, note, wanted);
    }

    private static async Task<TimelineMilestone> FindAsync(KazakhDbContext db, long id, uint version, CancellationToken ct)
    {
        var milestone = await db.TimelineMilestones.FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw EditRefusedException.NotFound($"no milestone {id}");
        if (Version(db, milestone) != version)
        {
            throw EditRefusedException.Conflict($"{milestone.UpdatedBy} changed this milestone since you opened it", MilestoneState.Of(milestone, Version(db, milestone)));
        }

        return milestone;
    }

    private static async Task SaveAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed between our read and our write: the check above came too early to see it.
            db.ChangeTracker.Clear();
            var now = await db.TimelineMilestones.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
            throw EditRefusedException.Conflict("another editor changed this milestone at the same time",
                now is null ? null : MilestoneState.Of(now, await db.TimelineMilestones.Where(m => m.Id == id).Select(m => EF.Property<uint>(m, "xmin")).SingleAsync(ct)));
        }
    }

    private static uint Version(KazakhDbContext db, TimelineMilestone m) => db.Entry(m).Property<uint>("xmin").CurrentValue;

    private static MilestoneAudit Audited(TimelineMilestone m) => new(m.Date, m.Title, m.Note, [.. m.ArticleIds]);

    private sealed record MilestoneAudit(DateOnly Date, string Title, string? Note, IReadOnlyList<long> ArticleIds);
}
