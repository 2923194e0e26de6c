using System.Globalization;
using System.Text.Json.Serialization;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Tags;
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

    /// <param name="Tag">An editors' tag: entries with a source that carries it.</param>
    /// <param name="Q">A search (the syntax of /search): entries with a source it matches. Run it with <see cref="SearchAsync"/> first.</param>
    public sealed record Filters(string? Country, string? Actor, string? Outlet, OutletKind? Kind, string? Tag = null, string? Q = null)
    {
        public static Filters From(string? country, string? actor, string? outlet, string? kind, string? tag = null, string? q = null) =>
            new(EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor), EntityFilters.Normalize(outlet),
                Enum.TryParse<OutletKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null, TagQueries.Normalize(tag),
                string.IsNullOrWhiteSpace(q) ? null : SearchQuery.Parse(q).Text);

        public bool Any => Country is not null || Actor is not null || Outlet is not null || Kind is not null || Tag is not null || Q is not null;

        /// <summary>The articles <see cref="Q"/> matches, as a query; set by <see cref="SearchAsync"/>.</summary>
        [JsonIgnore]
        public SearchQueries.Matching? Matching { get; init; }

        /// <summary>The filters as a query string (no leading "?"), for links that keep them.</summary>
        public string ToQuery() => string.Join('&', new[]
            {
                ("country", Country), ("actor", Actor), ("outlet", Outlet), ("kind", Kind?.ToString()), ("tag", Tag), ("q", Q),
            }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    /// <summary>
    /// Runs the filters' search, if any, so <see cref="PageAsync"/> and <see cref="ChartAsync"/> can narrow by it;
    /// a search that cannot run leaves nothing on the timeline, and says why in <see cref="SearchQueries.Matching.Error"/>.
    /// </summary>
    public static async Task<Filters> SearchAsync(KazakhDbContext db, SearchNames names, Filters filters, CancellationToken ct) =>
        filters.Q is null ? filters : filters with { Matching = await SearchQueries.MatchingArticlesAsync(db, names, SearchQuery.Parse(filters.Q), "on", ct) };

    private static IQueryable<long>? MatchingIds(Filters filters) =>
        filters.Q is null ? null
            : filters.Matching?.Ids ?? throw new InvalidOperationException("The timeline's search was not run: call SearchAsync first.");

    public sealed record EntityRef(string Id, string Name);

    /// <param name="DateInferred">The sentence itself names no day: <see cref="DateText"/> is where the day came from (an earlier sentence, the dateline, the report's own day).</param>
    public sealed record Source(long ArticleId, string Title, string Outlet, string OutletSlug, OutletKind OutletKind, string? OutletCountry,
        string? OutletLanguage, bool IsSample,
        DateOnly Date, string DateText, int SentenceStart, int SentenceLength, string Sentence, string ArticlePath, string Url,
        bool DateInferred, DateTimeOffset? PublishedAt, DateOnly? InferredPublishedOn, DateTimeOffset FirstSeenAt)
    {
        /// <summary>When the source reported it: its printed time, else the day its text gives, else when we first saw it.</summary>
        public DateTimeOffset ReportedAt => PublicationDay.ReportedAt(PublishedAt, InferredPublishedOn, FirstSeenAt);

        /// <summary>The page prints no time: <see cref="ReportedAt"/> is inferred.</summary>
        public bool ReportedAtInferred => PublishedAt is null;

        /// <summary>No source listed with the entry reported it earlier.</summary>
        public bool FirstToReport { get; init; }

        /// <summary>What a reader is told about the day: where it came from, and that it is inferred when the sentence names none.</summary>
        public string DayEvidence => DateText.Length == 0
            ? "inferred from the day of the report"
            : DateInferred ? $"inferred from “{DateText}”" : $"from “{DateText}”";
    }

    /// <param name="Sources">The earliest on-topic sources, at most the number asked for; <see cref="SourceCount"/> says how many there are.</param>
    /// <param name="SourceDays">Each day the sources give, with the outlets that give it.</param>
    public sealed record Entry(long Id, string Key, string Kind, DateOnly Date, IReadOnlyList<DateOnly> Days, string Summary,
        IReadOnlyList<EntityRef> Actors, IReadOnlyList<EntityRef> Places, IReadOnlyList<Source> Sources, string Permalink,
        int SourceCount, IReadOnlyList<SourceDay> SourceDays, bool Conflict)
    {
        /// <summary>
        /// Sources print different days. A day carried over from a neighbouring sentence is weaker evidence and
        /// raises no disagreement, though the entry still lists every day its sources give.
        /// </summary>
        public bool SourcesDisagree => Conflict;

        /// <summary>An editor hid the entry from readers; only editors get hidden entries, marked, to undo it.</summary>
        public bool Hidden { get; init; }

        public string? HiddenReason { get; init; }

        /// <summary>"4 January (Peoples Dispatch), 5 January (Blog X)": each source's own day.</summary>
        public string Disagreement => string.Join(", ", SourceDays.OrderBy(d => d.Date)
            .Select(d => $"{DayName(d.Date)} ({string.Join(", ", d.Outlets)})"));
    }

    public sealed record SourceDay(DateOnly Date, IReadOnlyList<string> Outlets);

    /// <param name="Total">How many entries match on this day; more than <see cref="Entries"/> holds when the day is capped.</param>
    public sealed record Day(DateOnly Date, IReadOnlyList<Entry> Entries, int Total)
    {
        public string Anchor => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        public int More => Total - Entries.Count;

        /// <summary>The editors' milestones pinned on this day.</summary>
        public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    }

    public sealed record CitedArticle(long Id, string Title, string Outlet, string Path);

    /// <summary>An editor's milestone; <see cref="Version"/> goes back with an edit, so a stale one is refused.</summary>
    public sealed record Milestone(long Id, DateOnly Date, string Title, string? Note, IReadOnlyList<CitedArticle> Articles, string UpdatedBy,
        DateTimeOffset UpdatedAt, uint Version);

    /// <param name="OtherDays">Days with entries not shown as sections (beyond the later days shown), with their counts.</param>
    public sealed record Page(IReadOnlyList<Day> Days, IReadOnlyList<(DateOnly Date, int Entries)> OtherDays, DateOnly? OneDay);

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

    /// <summary>"5 January 2022, 09:30 UTC" for a printed time; only the day when the time is inferred (it is midnight or our first sight).</summary>
    public static string ReportTime(Source source) => source.ReportedAtInferred
        ? DayName(DateOnly.FromDateTime(source.ReportedAt.UtcDateTime))
        : source.ReportedAt.UtcDateTime.ToString(source.ReportedAt.Year == 2022 ? "d MMMM, HH:mm 'UTC'" : "d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string DayName(DateOnly date) => date.ToString(date.Year == 2022 ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    // A page must stay readable and fast at a hundred thousand articles: each day shows its most reported
    // entries and links to the rest, each entry its earliest sources and links to the rest.
    private const int EntriesPerDay = 10;
    private const int EntriesOnOneDay = 200;
    private const int SourcesPerEntry = 5;
    private const int SourcesOnEntryPage = 500;
    private const int LaterDaysShown = 12;

    /// <summary>
    /// The timeline: 1–19 January always, then the first later days that have entries, each with its most reported
    /// entries; or, with <paramref name="day"/>, that one day with all its entries. Other days are listed with counts.
    /// </summary>
    /// <param name="withHidden">Editors only: the entries an editor hid, marked, so they can be shown again.</param>
    public static async Task<Page> PageAsync(KazakhDbContext db, Filters filters, DateOnly? day, CancellationToken ct, bool withHidden = false)
    {
        var query = await FilteredAsync(db, filters, withHidden, ct);
        var milestoneDays = await db.TimelineMilestones.AsNoTracking().Select(m => m.Date).Distinct().ToListAsync(ct);
        var counts = (await query.GroupBy(t => t.Date).Select(g => new { Date = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => c.Date, c => c.Count);
        List<DateOnly> shown;
        if (day is { } one)
        {
            shown = [one];
        }
        else
        {
            var core = Enumerable.Range(0, LastCoreDay.DayNumber - FirstDay.DayNumber + 1).Select(FirstDay.AddDays);
            var later = counts.Keys.Union(milestoneDays).Where(d => d > LastCoreDay).Order().Take(LaterDaysShown);
            shown = [.. core.Concat(later).Order()];
        }

        var perDay = day is null ? EntriesPerDay : EntriesOnOneDay;
        var candidates = await query.Where(t => shown.Contains(t.Date))
            .Select(t => new { t.Id, t.Date, t.SourceCount })
            .ToListAsync(ct);
        var picked = candidates.GroupBy(c => c.Date)
            .SelectMany(g => g.OrderByDescending(c => c.SourceCount).ThenBy(c => c.Id).Take(perDay))
            .Select(c => c.Id)
            .ToList();
        var entries = (await EntriesAsync(db, picked, SourcesPerEntry, ct)).ToLookup(e => e.Date);
        var milestones = (await MilestonesAsync(db, shown, ct)).ToLookup(m => m.Date);
        var days = shown.Select(d => new Day(d, [.. entries[d]], counts.GetValueOrDefault(d)) { Milestones = [.. milestones[d]] }).ToList();
        var other = counts.Where(c => !shown.Contains(c.Key)).OrderBy(c => c.Key).Select(c => (c.Key, c.Value)).ToList();
        return new Page(days, other, day);
    }

    /// <summary>One entry by key (or id) with its sources, or null when it is unknown or no on-topic article reports it.</summary>
    public static async Task<Entry?> EntryAsync(KazakhDbContext db, string reference, CancellationToken ct, bool withHidden = false)
    {
        var ids = long.TryParse(reference, out var id)
            ? [id]
            : await db.TimelineEntries.Where(t => t.Key == reference).Select(t => t.Id).ToListAsync(ct);
        var entry = (await EntriesAsync(db, ids, SourcesOnEntryPage, ct)).SingleOrDefault();
        return entry is { Hidden: true } && !withHidden ? null : entry;
    }

    /// <summary>The milestones of the given days, with the articles they cite (those still stored).</summary>
    public static async Task<IReadOnlyList<Milestone>> MilestonesAsync(KazakhDbContext db, IReadOnlyCollection<DateOnly> days, CancellationToken ct)
    {
        var rows = await db.TimelineMilestones.AsNoTracking().Where(m => days.Contains(m.Date)).OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Date, m.Title, m.Note, m.ArticleIds, m.UpdatedBy, m.UpdatedAt, Version = EF.Property<uint>(m, "xmin") })
            .ToListAsync(ct);
        var ids = rows.SelectMany(r => r.ArticleIds).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new CitedArticle(a.Id, a.Title, a.Outlet.Name, "")).ToDictionaryAsync(a => a.Id, ct);
        return [.. rows.Select(r => new Milestone(r.Id, r.Date, r.Title, r.Note,
            [.. r.ArticleIds.Where(articles.ContainsKey).Select(a => articles[a] with { Path = $"/articles/{a}" })], r.UpdatedBy, r.UpdatedAt, r.Version))];
    }

    /// <summary>
    /// Entries matching the filters. Entries are built from on-topic reports only; the outlet and kind filters ask
    /// for a source from such an outlet, but every source of a matching entry is listed, so a disagreement stays visible.
    /// </summary>
    internal static async Task<IQueryable<TimelineEntry>> FilteredAsync(KazakhDbContext db, Filters filters, bool withHidden, CancellationToken ct)
    {
        var query = db.TimelineEntries.AsNoTracking();
        if (!withHidden)
        {
            query = query.Where(t => !db.HiddenTimelineEntries.Any(h => h.Key == t.Key));
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
        if (outlet is not null || kind is not null)
        {
            query = query.Where(t => t.Sources.Any(s => s.Article.OnTopic
                && (outlet == null || s.Article.Outlet.Slug == outlet)
                && (kind == null || s.Article.Outlet.Kind == kind)));
        }

        if (filters.Tag is { } tag)
        {
            query = query.Where(t => t.Sources.Any(s => s.Article.OnTopic && db.ArticleTags.Any(x => x.ArticleId == s.ArticleId && x.Tag.Slug == tag)));
        }

        if (MatchingIds(filters) is { } matching)
        {
            query = query.Where(t => t.Sources.Any(s => matching.Contains(s.ArticleId)));
        }

        return query;
    }

    /// <summary>The on-topic articles the day's entries cite (the entries matching the filters): a day's "all N" for bulk tagging.</summary>
    public static async Task<long[]> DayArticleIdsAsync(KazakhDbContext db, Filters filters, DateOnly day, CancellationToken ct)
    {
        var entries = (await FilteredAsync(db, filters, withHidden: false, ct)).Where(t => t.Date == day).Select(t => t.Id);
        return await db.ArticleEvents.AsNoTracking()
            .Where(e => e.TimelineEntryId != null && entries.Contains(e.TimelineEntryId.Value) && e.Article.OnTopic)
            .Select(e => e.ArticleId).Distinct().OrderBy(id => id).ToArrayAsync(ct);
    }

    private static async Task<IReadOnlyList<Entry>> EntriesAsync(KazakhDbContext db, List<long> ids, int sources, CancellationToken ct)
    {
        var rows = await db.TimelineEntries.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .OrderBy(t => t.Date).ThenByDescending(t => t.SourceCount).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Key, t.Kind, t.Date, t.Days, t.Summary, t.Actors, t.Places, t.SourceCount, t.DayOutlets, t.Conflict })
            .ToListAsync(ct);

        // A LATERAL join with a limit per entry, read in index order: an entry may have thousands of sources.
        var shown = (await db.TimelineEntries.AsNoTracking()
                .Where(t => ids.Contains(t.Id))
                .SelectMany(t => t.Sources.Where(s => s.Article.OnTopic)
                    .OrderBy(e => e.Date).ThenBy(e => e.Id)
                    .Take(sources)
                    .Select(e => new
                    {
                        EntryId = t.Id,
                        Source = new Source(e.ArticleId, e.Article.Title, e.Article.Outlet.Name, e.Article.Outlet.Slug, e.Article.Outlet.Kind,
                            e.Article.Outlet.Country, e.Article.Outlet.Language, e.Article.IsSample, e.Date, e.DateText, e.SentenceStart, e.SentenceLength, e.Sentence, "", e.Article.CanonicalUrl,
                            e.DateInferred, e.Article.PublishedAt, e.Article.InferredPublishedOn, e.Article.FirstSeenAt),
                    }))
                .ToListAsync(ct))
            .ToLookup(x => x.EntryId, x => x.Source with { ArticlePath = $"/articles/{x.Source.ArticleId}#s{x.Source.SentenceStart}" });

        var names = await NamesAsync(db, rows.SelectMany(r => r.Actors.Concat(r.Places)), ct);
        var keys = rows.Select(r => r.Key).ToList();
        var hidden = await db.HiddenTimelineEntries.AsNoTracking().Where(h => keys.Contains(h.Key)).ToDictionaryAsync(h => h.Key, h => h.Reason, ct);
        return [.. rows.Where(r => shown[r.Id].Any()).Select(r => new Entry(r.Id, r.Key, r.Kind, r.Date, [.. r.Days.Order()], r.Summary,
            [.. r.Actors.Select(names)], [.. r.Places.Select(names)], InReportOrder(shown[r.Id]), $"/timeline/entries/{r.Key}", r.SourceCount,
            [.. r.DayOutlets.Select(d => d.Split('|', 2)).GroupBy(d => DateOnly.ParseExact(d[0], "yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Select(g => new SourceDay(g.Key, [.. g.Select(d => d[1])]))], r.Conflict)
            {
                Hidden = hidden.ContainsKey(r.Key),
                HiddenReason = hidden.GetValueOrDefault(r.Key),
            })];
    }

    /// <summary>
    /// The listed sources in the order they reported, the first marked. A day shows an entry's sources that give the
    /// earliest days (read in index order); the entry's own page lists them all, so there the mark is the first of all.
    /// </summary>
    private static List<Source> InReportOrder(IEnumerable<Source> sources)
    {
        var ordered = sources.OrderBy(s => s.ReportedAt).ThenBy(s => s.ArticleId).ThenBy(s => s.SentenceStart).ToList();
        return [.. ordered.Select((s, i) => s with { FirstToReport = i == 0 || s.ReportedAt == ordered[0].ReportedAt })];
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
        List<(DateOnly Date, OutletKind Kind, int Count)> dated;
        if (!filters.Any)
        {
            dated = [.. (await db.ArticleDays.AsNoTracking().ToListAsync(ct)).Select(d => (d.Date, d.Kind, d.Articles))];
        }
        else
        {
            dated = await CountArticlesAsync(db, filters, ct);
        }

        dated = [.. dated.Where(r => r.Date >= FirstDay && r.Date < FirstDay.AddDays(MaxChartDays))];
        var last = dated.Count == 0 ? LastCoreDay : new[] { LastCoreDay, dated.Max(r => r.Date) }.Max();
        var byDay = dated.ToLookup(r => r.Date);
        var bars = Enumerable.Range(0, last.DayNumber - FirstDay.DayNumber + 1).Select(FirstDay.AddDays)
            .Select(d => new ChartBar(d, byDay[d].GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Sum(r => r.Count))))
            .ToList();
        return new Chart([.. dated.Select(r => r.Kind).Distinct().Order()], bars);
    }

    /// <summary>The chart's counts for filtered articles, counted in the database.</summary>
    private static async Task<List<(DateOnly Date, OutletKind Kind, int Count)>> CountArticlesAsync(KazakhDbContext db, Filters filters,
        CancellationToken ct)
    {
        var query = db.Articles.AsNoTracking().Filter(filters.Outlet, "on").Mentioning(filters.Country, filters.Actor).TaggedWith(db, filters.Tag);
        if (filters.Kind is { } kind)
        {
            query = query.Where(a => a.Outlet.Kind == kind);
        }

        if (MatchingIds(filters) is { } matching)
        {
            query = query.Where(a => matching.Contains(a.Id));
        }

        var printed = await query.Where(a => a.PublishedAt != null)
            .GroupBy(a => new { a.PublishedAt!.Value.Year, a.PublishedAt.Value.Month, a.PublishedAt.Value.Day, a.Outlet.Kind })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        var inferred = await query.Where(a => a.PublishedAt == null && a.InferredPublishedOn != null)
            .GroupBy(a => new { Date = a.InferredPublishedOn!.Value, a.Outlet.Kind })
            .Select(g => new { g.Key.Date, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        return [.. printed.Select(p => (new DateOnly(p.Year, p.Month, p.Day), p.Kind, p.Count)).Concat(inferred.Select(i => (i.Date, i.Kind, i.Count)))];
    }

    /// <summary>What the filter selects offer: only values that would find something on the timeline.</summary>
    public static async Task<FilterOptions> OptionsAsync(KazakhDbContext db, CancellationToken ct)
    {
        var ids = await db.TimelineEntries.AsNoTracking().SelectMany(t => t.Entities).Distinct().ToListAsync(ct);
        var entities = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Country, e.Kind }).ToListAsync(ct);
        var codes = entities.Where(e => e.Country != null).Select(e => e.Country!).Distinct().ToList();
        var countryNames = await db.Entities.AsNoTracking()
            .Where(e => e.Kind == Core.Entities.EntityKind.Country && e.Country != null && codes.Contains(e.Country))
            .Select(e => new { Code = e.Country!, e.Name }).ToListAsync(ct);
        var countries = codes
            .Select(c => new EntityFilters.Option(c, countryNames.FirstOrDefault(n => n.Code == c)?.Name ?? c))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture);
        var actors = entities.Where(e => e.Kind != Core.Entities.EntityKind.Place)
            .Select(e => new EntityFilters.Option(e.Id, e.Name))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture);
        var outlets = await db.Outlets.AsNoTracking()
            .Where(o => db.ArticleEvents.Any(e => e.TimelineEntryId != null && e.Article.OutletId == o.Id && e.Article.OnTopic))
            .Select(o => new { o.Slug, o.Name, o.Kind })
            .ToListAsync(ct);
        return new FilterOptions([.. countries], [.. actors],
            [.. outlets.OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => new EntityFilters.Option(o.Slug, o.Name))],
            [.. outlets.Select(o => o.Kind).Distinct().Order()]);
    }
}
