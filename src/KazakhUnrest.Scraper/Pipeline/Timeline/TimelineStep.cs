using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;
using Microsoft.EntityFrameworkCore;
using Entry = KazakhUnrest.Core.Data.TimelineEntry;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 14, timeline: groups every on-topic article event into timeline entries, one per happening with all its sources, and
/// replaces the stored timeline with them in one transaction: readers see the old timeline or the new one.
/// </summary>
public static class TimelineStep
{
    // Any number: it only has to differ from the other advisory locks (the story lock).
    private const long TimelineLock = 0x7469_6d65_6c69_6e65;

    // Enough to show who said which day; the entry page lists every source.
    private const int OutletsPerDay = 8;

    public static async Task<int> RebuildAsync(KazakhDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TimelineLock})", ct);
        var countries = await db.Entities.Where(e => e.Kind == EntityKind.Country).Select(e => e.Id).ToListAsync(ct);
        var isCountry = countries.ToHashSet(StringComparer.Ordinal);
        var rows = await db.ArticleEvents.AsNoTracking()
            .Where(e => e.Article.OnTopic)
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.ArticleId,
                Outlet = e.Article.Outlet.Name,
                e.Kind,
                e.Date,
                e.EndDate,
                e.Precision,
                e.PartOfDay,
                e.DateInferred,
                e.SentenceStart,
                e.SentenceLength,
                e.Sentence,
                e.Actors,
                e.Places,
                e.DateText,
            })
            .ToListAsync(ct);

        var rowOf = new Dictionary<SourcedEvent, long>(ReferenceEqualityComparer.Instance);
        foreach (var r in rows)
        {
            var mention = new EventMention(r.Kind, r.Date, r.EndDate, Enum.Parse<DatePrecision>(r.Precision),
                r.PartOfDay is null ? null : Enum.Parse<PartOfDay>(r.PartOfDay), r.DateInferred, r.SentenceStart, r.SentenceLength,
                r.Sentence, "", r.Actors, r.Places, r.Actors.Where(isCountry.Contains).ToList(), EventHeading.Of(r.Sentence), r.DateText);
            rowOf[new SourcedEvent(r.ArticleId, r.Outlet, mention)] = r.Id;
        }

        var grouped = EventGrouper.Group(rowOf.Keys);
        await db.TimelineEntries.ExecuteDeleteAsync(ct);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var entries = grouped.Select(g => (Group: g, Row: new Entry
        {
            Kind = g.Kind,
            Date = g.Date,
            Days = [.. g.Days],
            Conflict = g.Conflict,
            DayOutlets = [.. g.Sources.GroupBy(g.DayOf).OrderBy(d => d.Key)
                .SelectMany(d => d.Select(x => x.Outlet).Distinct().Order(StringComparer.Ordinal).Take(OutletsPerDay).Select(o => $"{d.Key:yyyy-MM-dd}|{o}"))],
            Summary = g.Summary,
            Actors = [.. g.Actors],
            Places = [.. g.Places],
            Entities = [.. g.Actors.Concat(g.Places).Distinct()],
            SourceCount = g.Sources.Select(s => s.ArticleId).Distinct().Count(),
            Key = UniqueKey(keys, $"{g.Date:yyyy-MM-dd}/{g.Kind}"),
        })).ToList();
        db.TimelineEntries.AddRange(entries.Select(e => e.Row));
        await db.SaveChangesAsync(ct);

        var eventIds = entries.SelectMany(e => e.Group.Sources.Select(s => rowOf[s])).ToArray();
        var entryIds = entries.SelectMany(e => e.Group.Sources.Select(_ => e.Row.Id)).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE article_events e SET timeline_entry_id = t.entry
            FROM unnest({eventIds}::bigint[], {entryIds}::bigint[]) AS t(id, entry)
            WHERE e.id = t.id
            """, ct);
        await ArticleDay.RefreshAsync(db, ct);
        await transaction.CommitAsync(ct);
        return entries.Count;
    }

    /// <summary>Keys read "2022-01-05/government-resigns"; a second entry of one kind on one day gets "-2".</summary>
    private static string UniqueKey(HashSet<string> used, string key)
    {
        var candidate = key;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{key}-{n}";
        }

        return candidate;
    }
}
