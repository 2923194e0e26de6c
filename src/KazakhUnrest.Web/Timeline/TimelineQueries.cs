using System.Globalization;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Entities;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Timeline;

/// <summary>The timeline's days, entries, sources and chart, shared by /timeline and /api/timeline so both show the same.</summary>
public static class TimelineQueries
{
    /// <summary>The days of the unrest itself, listed even when nothing is dated to them.</summary>
    public static readonly DateOnly FirstDay = new(2022, 1, 1);
    public static readonly DateOnly LastCoreDay = new(2022, 1, 19);

    // A long tail of stray dates would squash the bars to slivers.
    private const int MaxChartDays = 60;

    public sealed record Filters(string? Country, string? Actor, string? Outlet, OutletKind? Kind)
    {
        public static Filters From(string? country, string? actor, string? outlet, string? kind) =>
            new(EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor), EntityFilters.Normalize(outlet),
                Enum.TryParse<OutletKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null);

        public bool Any => Country is not null || Actor is not null || Outlet is not null || Kind is not null;

        /// <summary>The filters as a query string (no leading "?"), for links that keep them.</summary>
        public string ToQuery() => string.Join('&', new[]
            {
                ("country", Country), ("actor", Actor), ("outlet", Outlet), ("kind", Kind?.ToString()),
            }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    public sealed record EntityRef(string Id, string Name);

    public sealed record Source(long ArticleId, string Title, string Outlet, string OutletSlug, OutletKind OutletKind, bool IsSample,
        DateOnly Date, string DateText, int SentenceStart, int SentenceLength, string Sentence, string ArticlePath, string Url);

    public sealed record Entry(long Id, string Key, string Kind, DateOnly Date, IReadOnlyList<DateOnly> Days, string Summary,
        IReadOnlyList<EntityRef> Actors, IReadOnlyList<EntityRef> Places, IReadOnlyList<Source> Sources, string Permalink)
    {
        public bool SourcesDisagree => Days.Count > 1;

        /// <summary>"4 January (Peoples Dispatch), 5 January (Blog X)": each source's own day.</summary>
        public string Disagreement => string.Join(", ", Sources.GroupBy(s => s.Date).OrderBy(g => g.Key)
            .Select(g => $"{DayName(g.Key)} ({string.Join(", ", g.Select(s => s.Outlet).Distinct())})"));
    }

    public sealed record Day(DateOnly Date, IReadOnlyList<Entry> Entries)
    {
        public string Anchor => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public sealed record ChartBar(DateOnly Date, IReadOnlyDictionary<OutletKind, int> ByKind)
    {
        public int Total => ByKind.Values.Sum();
    }

    public sealed record Chart(IReadOnlyList<OutletKind> Kinds, IReadOnlyList<ChartBar> Bars)
    {
        public int Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Total);
    }

    public sealed record FilterOptions(IReadOnlyList<EntityFilters.Option> Countries, IReadOnlyList<EntityFilters.Option> Actors,
        IReadOnlyList<EntityFilters.Option> Outlets, IReadOnlyList<OutletKind> Kinds);

    public static string DayName(DateOnly date) => date.ToString(date.Year == 2022 ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Every day of the timeline with its entries: 1–19 January always, any other day only when it has entries.</summary>
    public static async Task<IReadOnlyList<Day>> DaysAsync(KazakhDbContext db, Filters filters, CancellationToken ct)
    {
        var entries = await EntriesAsync(db, filters, null, ct);
        var byDay = entries.ToLookup(e => e.Date);
        var core = Enumerable.Range(0, LastCoreDay.DayNumber - FirstDay.DayNumber + 1).Select(FirstDay.AddDays);
        return [.. core.Union(byDay.Select(g => g.Key)).Order().Select(d => new Day(d, [.. byDay[d]]))];
    }

    /// <summary>One entry with its sources, or null when it is unknown or no on-topic article reports it.</summary>
    public static async Task<Entry?> EntryAsync(KazakhDbContext db, long id, CancellationToken ct) =>
        (await EntriesAsync(db, new Filters(null, null, null, null), id, ct)).SingleOrDefault();

    /// <summary>
    /// Entries with at least one on-topic source; the outlet and kind filters ask for a source from such an outlet,
    /// but every on-topic source of a matching entry is listed, so a disagreement stays visible.
    /// </summary>
    private static async Task<IReadOnlyList<Entry>> EntriesAsync(KazakhDbContext db, Filters filters, long? id, CancellationToken ct)
    {
        var query = db.TimelineEntries.AsNoTracking();
        if (id is { } only)
        {
            query = query.Where(t => t.Id == only);
        }

        // Array overlap (&&) lets PostgreSQL use the GIN index on entities.
        if (filters.Country is { } country)
        {
            var ids = await EntityFilters.CountryEntityIdsAsync(db, country, ct);
            query = query.Where(t => t.Entities.Any(e => ids.Contains(e)));
        }

        if (filters.Actor is { } actor)
        {
            var ids = new[] { actor };
            query = query.Where(t => t.Entities.Any(e => ids.Contains(e)));
        }

        var (outlet, kind) = (filters.Outlet, filters.Kind);
        query = query.Where(t => t.Sources.Any(s => s.Article.OnTopic
            && (outlet == null || s.Article.Outlet.Slug == outlet)
            && (kind == null || s.Article.Outlet.Kind == kind)));

        var rows = await query.OrderBy(t => t.Date).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Key, t.Kind, t.Date, t.Days, t.Summary, t.Actors, t.Places })
            .ToListAsync(ct);
        var entryIds = rows.Select(r => r.Id).ToList();
        var sources = (await db.ArticleEvents.AsNoTracking()
                .Where(e => e.TimelineEntryId != null && entryIds.Contains(e.TimelineEntryId.Value) && e.Article.OnTopic)
                .OrderBy(e => e.Date).ThenBy(e => e.Article.PublishedAt ?? e.Article.FirstSeenAt).ThenBy(e => e.Id)
                .Select(e => new
                {
                    EntryId = e.TimelineEntryId!.Value,
                    Source = new Source(e.ArticleId, e.Article.Title, e.Article.Outlet.Name, e.Article.Outlet.Slug, e.Article.Outlet.Kind,
                        e.Article.IsSample, e.Date, e.DateText, e.SentenceStart, e.SentenceLength, e.Sentence, "", e.Article.CanonicalUrl),
                })
                .ToListAsync(ct))
            .ToLookup(x => x.EntryId, x => x.Source with { ArticlePath = $"/articles/{x.Source.ArticleId}#s{x.Source.SentenceStart}" });

        var names = await NamesAsync(db, rows.SelectMany(r => r.Actors.Concat(r.Places)), ct);
        return [.. rows.Select(r => new Entry(r.Id, r.Key, r.Kind, r.Date, [.. r.Days.Order()], r.Summary,
            [.. r.Actors.Select(names)], [.. r.Places.Select(names)], [.. sources[r.Id]], $"/timeline/entries/{r.Id}"))];
    }

    /// <summary>Looks up entity names; an id the entities table lacks (the pipeline ran ahead of the gazetteer) shows as itself.</summary>
    private static async Task<Func<string, EntityRef>> NamesAsync(KazakhDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var names = await db.Entities.AsNoTracking().Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return id => new EntityRef(id, names.GetValueOrDefault(id, id));
    }

    /// <summary>
    /// On-topic articles per day by outlet kind, dated by publication (or the inferred day when the page printed none),
    /// from 1 January to the last day with articles, at least to 19 January.
    /// </summary>
    public static async Task<Chart> ChartAsync(KazakhDbContext db, Filters filters, CancellationToken ct)
    {
        var query = db.Articles.AsNoTracking().Filter(filters.Outlet, "on").Mentioning(filters.Country, filters.Actor);
        if (filters.Kind is { } kind)
        {
            query = query.Where(a => a.Outlet.Kind == kind);
        }

        var rows = await query.Where(a => a.PublishedAt != null || a.InferredPublishedOn != null)
            .Select(a => new { a.PublishedAt, a.InferredPublishedOn, a.Outlet.Kind })
            .ToListAsync(ct);
        var dated = rows
            .Select(r => (Date: r.PublishedAt is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : r.InferredPublishedOn!.Value, r.Kind))
            .Where(r => r.Date >= FirstDay && r.Date < FirstDay.AddDays(MaxChartDays))
            .ToList();
        var last = dated.Count == 0 ? LastCoreDay : new[] { LastCoreDay, dated.Max(r => r.Date) }.Max();
        var byDay = dated.ToLookup(r => r.Date, r => r.Kind);
        var bars = Enumerable.Range(0, last.DayNumber - FirstDay.DayNumber + 1).Select(FirstDay.AddDays)
            .Select(d => new ChartBar(d, byDay[d].GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count())))
            .ToList();
        return new Chart([.. dated.Select(r => r.Kind).Distinct().Order()], bars);
    }

    /// <summary>What the filter selects offer: only values that would find something on the timeline.</summary>
    public static async Task<FilterOptions> OptionsAsync(KazakhDbContext db, CancellationToken ct)
    {
        var lists = await db.TimelineEntries.AsNoTracking().Select(t => new { t.Actors, t.Entities }).ToListAsync(ct);
        var ids = lists.SelectMany(l => l.Entities.Concat(l.Actors)).Distinct().ToList();
        var actorIds = lists.SelectMany(l => l.Actors).ToHashSet();
        var entities = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Country }).ToListAsync(ct);
        var codes = entities.Where(e => e.Country != null).Select(e => e.Country!).Distinct().ToList();
        var countryNames = await db.Entities.AsNoTracking()
            .Where(e => e.Kind == Core.Entities.EntityKind.Country && e.Country != null && codes.Contains(e.Country))
            .Select(e => new { Code = e.Country!, e.Name }).ToListAsync(ct);
        var countries = codes
            .Select(c => new EntityFilters.Option(c, countryNames.FirstOrDefault(n => n.Code == c)?.Name ?? c))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture);
        var actors = entities.Where(e => actorIds.Contains(e.Id))
            .Select(e => new EntityFilters.Option(e.Id, e.Name))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture);
        var outlets = await db.ArticleEvents.AsNoTracking()
            .Where(e => e.TimelineEntryId != null && e.Article.OnTopic)
            .Select(e => new { e.Article.Outlet.Slug, e.Article.Outlet.Name, e.Article.Outlet.Kind })
            .Distinct()
            .ToListAsync(ct);
        return new FilterOptions([.. countries], [.. actors],
            [.. outlets.OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => new EntityFilters.Option(o.Slug, o.Name))],
            [.. outlets.Select(o => o.Kind).Distinct().Order()]);
    }
}
