using System.Text.Json;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Audit;

/// <summary>
/// Reads of the audit log for <c>/audit</c>, <c>/api/audit</c> and each object's history. Nothing here (nor anywhere in
/// the site) changes or removes an entry: the log is append-only, and the database refuses it anyway.
/// </summary>
public static class AuditQueries
{
    /// <summary>The most entries an object's history shows on its page; the rest are one link away in /audit.</summary>
    public const int HistoryLength = 50;

    /// <param name="Person">An editor's e-mail as recorded with the entry.</param>
    /// <param name="Kind">What was done, <c>object.action</c>.</param>
    /// <param name="ObjectType">One of <see cref="AuditObjects"/>.</param>
    /// <param name="ObjectId">With <paramref name="ObjectType"/>: one object's entries (an article's include the bulk actions that touched it).</param>
    /// <param name="From">First day (UTC), inclusive.</param>
    /// <param name="To">Last day (UTC), inclusive.</param>
    public sealed record Filter(string? Person, string? Kind, string? ObjectType, string? ObjectId, DateOnly? From, DateOnly? To)
    {
        public static Filter Of(string? person, string? kind, string? type, string? objectId, DateOnly? from, DateOnly? to) =>
            new(Blank(person), Blank(kind), Blank(type)?.ToLowerInvariant(), Blank(objectId), from, to);

        /// <summary>The filters as a query string starting with "&amp;" (for paging links), empty when none is set.</summary>
        public string Query => string.Concat(new (string Name, string? Value)[]
            {
                ("person", Person), ("kind", Kind), ("type", ObjectType), ("object", ObjectId),
                ("from", From?.ToString("yyyy-MM-dd")), ("to", To?.ToString("yyyy-MM-dd")),
            }
            .Where(p => p.Value is not null)
            .Select(p => $"&{p.Name}={Uri.EscapeDataString(p.Value!)}"));

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>One field whose value differs between before and after; a missing side is null.</summary>
    public sealed record Change(string Field, string? Before, string? After);

    public sealed record Entry(long Id, DateTimeOffset At, string Actor, string Kind, string ObjectType, string ObjectId, string? Link,
        string? Before, string? After, IReadOnlyList<Change> Changes, string? Reason, int Count, IReadOnlyList<long> ArticleIds);

    public sealed record Page(IReadOnlyList<Entry> Entries, int Total, int PageNumber, int PageCount);

    /// <summary>Entries matching <paramref name="filter"/>, newest first, one page of <paramref name="pageSize"/>.</summary>
    public static async Task<Page> PageAsync(KazakhDbContext db, Filter filter, int? page, int pageSize, CancellationToken ct)
    {
        var query = Matching(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page ?? 1, 1, pageCount);
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page([.. rows.Select(Shown)], total, number, pageCount);
    }

    /// <summary>One object's history, newest first (an article's includes the bulk actions that touched it).</summary>
    public static async Task<IReadOnlyList<Entry>> HistoryAsync(KazakhDbContext db, string objectType, string objectId, CancellationToken ct)
    {
        var rows = await ForObject(db.AuditEntries.AsNoTracking(), objectType, objectId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(HistoryLength).ToListAsync(ct);
        return [.. rows.Select(Shown)];
    }

    /// <summary>The people and kinds of change the log holds, for the filter's choices (a handful of editors, a few dozen kinds).</summary>
    public static async Task<(IReadOnlyList<string> People, IReadOnlyList<string> Kinds)> ChoicesAsync(KazakhDbContext db, CancellationToken ct)
    {
        var people = await db.AuditEntries.Select(e => e.ActorEmail).Distinct().OrderBy(e => e).ToListAsync(ct);
        var kinds = await db.AuditEntries.Select(e => e.Kind).Distinct().OrderBy(k => k).ToListAsync(ct);
        return (people, kinds);
    }

    public static IQueryable<AuditEntry> Matching(IQueryable<AuditEntry> entries, Filter filter)
    {
        if (filter.Person is { } person)
        {
            entries = entries.Where(e => e.ActorEmail == person);
        }

        if (filter.Kind is { } kind)
        {
            entries = entries.Where(e => e.Kind == kind);
        }

        if (filter.ObjectType is { } type)
        {
            entries = filter.ObjectId is { } id ? ForObject(entries, type, id) : entries.Where(e => e.ObjectType == type);
        }
        else if (filter.ObjectId is { } id)
        {
            entries = entries.Where(e => e.ObjectId == id);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }

    /// <summary>
    /// An object's own entries; for an article also every bulk action that listed it (<c>article_ids @&gt; {id}</c>, which
    /// the GIN index on the column answers); for a story also the merges into it.
    /// </summary>
    public static IQueryable<AuditEntry> ForObject(IQueryable<AuditEntry> entries, string objectType, string objectId)
    {
        if (objectType == AuditObjects.Article && long.TryParse(objectId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var article))
        {
            long[] wanted = [article];
            return entries.Where(e => (e.ObjectType == objectType && e.ObjectId == objectId) || wanted.All(a => e.ArticleIds.Contains(a)));
        }

        if (objectType == AuditObjects.Story && long.TryParse(objectId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var story))
        {
            // A merge is recorded on the story merged away, whose address then leads to the kept one: the kept story's
            // history shows it too, found by the target StoryEditing writes into the entry's After.
            var into = $"{{\"into\":{{\"id\":{story}}}}}";
            return entries.Where(e => (e.ObjectType == objectType && e.ObjectId == objectId)
                || (e.Kind == CorrectionKinds.StoryMerge && EF.Functions.JsonContains(e.After!, into)));
        }

        return entries.Where(e => e.ObjectType == objectType && e.ObjectId == objectId);
    }

    /// <summary>The page of the changed object, where the site has one.</summary>
    public static string? Link(string objectType, string objectId)
    {
        var id = Uri.EscapeDataString(objectId);
        return objectType switch
        {
            AuditObjects.Article => $"/articles/{id}",
            AuditObjects.Story => $"/stories/{id}",
            // An outlet has no page of its own: its articles are its page.
            AuditObjects.Outlet => $"/articles?outlet={id}",
            AuditObjects.Entity => $"/entities/{id}",
            // A key holds a slash ("2022-01-05/government-resigns"): the route takes the rest of the path.
            AuditObjects.TimelineEntry => $"/timeline/entries/{string.Join('/', objectId.Split('/').Select(Uri.EscapeDataString))}",
            AuditObjects.Tag => $"/tags/{id}",
            _ => null,
        };
    }

    /// <summary>
    /// The fields that differ between two JSON objects, each value as compact JSON text; empty when either side is not
    /// an object (a creation, a removal, a list), which the page then shows whole.
    /// </summary>
    public static IReadOnlyList<Change> Changes(string? before, string? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        using var old = JsonDocument.Parse(before);
        using var @new = JsonDocument.Parse(after);
        if (old.RootElement.ValueKind != JsonValueKind.Object || @new.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var was = old.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var now = @new.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        return [.. was.Keys.Union(now.Keys)
            .Select(field => new Change(field, was.GetValueOrDefault(field), now.GetValueOrDefault(field)))
            .Where(c => c.Before != c.After)];
    }

    private static Entry Shown(AuditEntry e) => new(e.Id, e.At, e.ActorEmail, e.Kind, e.ObjectType, e.ObjectId, Link(e.ObjectType, e.ObjectId),
        e.Before, e.After, Changes(e.Before, e.After), e.Reason, e.Count, e.ArticleIds);
}
