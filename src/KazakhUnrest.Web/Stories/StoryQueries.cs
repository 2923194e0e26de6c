using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Tags;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Stories;

/// <summary>The story list and story page data, shared by the pages and /api/stories so both show the same.</summary>
public static class StoryQueries
{
    public enum Sort
    {
        Latest,
        MostCovered,
    }

    public sealed record ListItem(long Id, string Headline, DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt,
        int ArticleCount, int OutletCount, bool IsSample)
    {
        /// <summary>With a search: how many of the story's articles it matches; null without one.</summary>
        public int? Matching { get; init; }
    }

    /// <param name="Query">The search the list is narrowed by, as typed; null without one.</param>
    /// <param name="Problems">What the search read differently from how it was typed.</param>
    public sealed record ListPage(IReadOnlyList<ListItem> Items, int Page, int PageCount, int Total, string? Query = null, IReadOnlyList<string>? Problems = null);

    public sealed record Copy(long Id, string Title, string Outlet, string OutletSlug, DateTimeOffset? PublishedAt, DateTimeOffset FirstSeenAt,
        string Url, double? Similarity);

    public sealed record StoryArticle(long Id, string Title, DateTimeOffset? PublishedAt, DateTimeOffset FirstSeenAt, string Url, bool IsSample,
        IReadOnlyList<Copy> AlsoPublishedBy);

    public sealed record OutletCoverage(string Outlet, string OutletSlug, OutletKind Kind, string? Country, string? Language, DateTimeOffset FirstReportAt,
        IReadOnlyList<StoryArticle> Articles);

    public sealed record Detail(long Id, string Headline, long? HeadlineArticleId, DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt,
        int ArticleCount, int OutletCount, IReadOnlyList<OutletCoverage> Outlets);

    public static Sort ParseSort(string? sort) =>
        string.Equals(sort, "most", StringComparison.OrdinalIgnoreCase) || string.Equals(sort, "most-covered", StringComparison.OrdinalIgnoreCase)
            ? Sort.MostCovered
            : Sort.Latest;

    /// <summary>Follows merges to the story that holds the articles now (chains are short; capped against cycles).</summary>
    public static async Task<long> FinalIdAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            var next = await db.Stories.Where(s => s.Id == id).Select(s => s.MergedIntoId).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                return id;
            }

            id = next.Value;
        }

        return id;
    }

    /// <summary>The live stories the list's filters leave, in no order: what the list pages through and the exports write out.</summary>
    public static IQueryable<Story> Filtered(KazakhDbContext db, DateOnly? from, DateOnly? to, string? country, string? actor, string? tag,
        IQueryable<long>? matchingIds = null)
    {
        var query = db.Stories.AsNoTracking().Where(s => s.MergedIntoId == null && s.ArticleCount > 0).TaggedWith(db, tag);
        if (matchingIds is not null)
        {
            query = query.Where(s => s.Articles.Any(a => matchingIds.Contains(a.Id)));
        }

        if (country is not null)
        {
            query = query.Where(s => s.Articles.Any(a => a.OnTopic && a.Entities.Any(x => x.Entity.Country == country)));
        }

        if (actor is not null)
        {
            query = query.Where(s => s.Articles.Any(a => a.OnTopic && a.Entities.Any(x => x.EntityId == actor)));
        }

        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(s => s.LastPublishedAt >= start);
        }

        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(s => s.FirstPublishedAt < end);
        }

        return query;
    }

    public static IOrderedQueryable<Story> Ordered(IQueryable<Story> query, Sort sort) =>
        sort == Sort.MostCovered
            ? query.OrderByDescending(s => s.OutletCount).ThenByDescending(s => s.ArticleCount).ThenByDescending(s => s.LastPublishedAt).ThenBy(s => s.Id)
            : query.OrderByDescending(s => s.LastPublishedAt).ThenBy(s => s.Id);

    /// <summary>
    /// Country and actor follow <see cref="Shared.EntityFilters"/>: a story matches when an on-topic article of it does.
    /// A tag matches a story tagged itself or holding a tagged article. A search (<paramref name="matching"/>) keeps
    /// the stories holding an article it matches, and counts them.
    /// </summary>
    public static async Task<ListPage> ListAsync(KazakhDbContext db, Sort sort, DateOnly? from, DateOnly? to, string? country, string? actor,
        string? tag, int page, int pageSize, CancellationToken ct, SearchQueries.Matching? matching = null)
    {
        var query = Filtered(db, from, to, country, actor, tag, matching?.Ids);
        var matchingIds = matching?.Ids;
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var ordered = Ordered(query, sort);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new ListItem(s.Id, s.Headline, s.FirstPublishedAt, s.LastPublishedAt, s.ArticleCount, s.OutletCount,
                s.Articles.Any(a => a.IsSample)))
            .ToListAsync(ct);
        if (matchingIds is not null && items.Count > 0)
        {
            var shown = items.Select(i => i.Id).ToList();
            var counts = await db.Articles.AsNoTracking()
                .Where(a => a.StoryId != null && shown.Contains(a.StoryId.Value) && matchingIds.Contains(a.Id))
                .GroupBy(a => a.StoryId!.Value).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            items = [.. items.Select(i => i with { Matching = counts.GetValueOrDefault(i.Id) })];
        }

        return new ListPage(items, page, pageCount, total);
    }

    /// <summary>The story with its on-topic articles grouped by outlet, earliest reporter first; copies folded under their original.</summary>
    public static async Task<Detail?> GetAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (story is null)
        {
            return null;
        }

        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.StoryId == id && a.OnTopic)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.PublishedAt,
                a.InferredPublishedOn,
                a.FirstSeenAt,
                a.CanonicalUrl,
                a.IsSample,
                a.DuplicateOfId,
                a.DuplicateSimilarity,
                Outlet = a.Outlet.Name,
                a.Outlet.Slug,
                a.Outlet.Kind,
                a.Outlet.Country,
                OutletLanguage = a.Outlet.Language,
            })
            .ToListAsync(ct);

        // A copy whose original is outside this story (or off-topic) stands on its own.
        var ids = rows.Select(r => r.Id).ToHashSet();
        var copies = rows.Where(r => r.DuplicateOfId is { } d && ids.Contains(d))
            .ToLookup(r => r.DuplicateOfId!.Value, r => new Copy(r.Id, r.Title, r.Outlet, r.Slug, r.PublishedAt, r.FirstSeenAt, r.CanonicalUrl, r.DuplicateSimilarity));
        var outlets = rows.Where(r => r.DuplicateOfId is not { } d || !ids.Contains(d))
            .GroupBy(r => (r.Outlet, r.Slug, r.Kind, r.Country, r.OutletLanguage))
            .Select(g => new OutletCoverage(g.Key.Outlet, g.Key.Slug, g.Key.Kind, g.Key.Country, g.Key.OutletLanguage,
                g.Min(r => PublicationDay.ReportedAt(r.PublishedAt, r.InferredPublishedOn, r.FirstSeenAt)),
                [.. g.OrderBy(r => PublicationDay.ReportedAt(r.PublishedAt, r.InferredPublishedOn, r.FirstSeenAt)).ThenBy(r => r.Id)
                    .Select(r => new StoryArticle(r.Id, r.Title, r.PublishedAt, r.FirstSeenAt, r.CanonicalUrl, r.IsSample,
                        [.. copies[r.Id].OrderBy(c => c.PublishedAt ?? c.FirstSeenAt).ThenBy(c => c.Id)]))]))
            .OrderBy(o => o.FirstReportAt).ThenBy(o => o.Outlet, StringComparer.Ordinal)
            .ToList();
        return new Detail(story.Id, story.Headline, story.HeadlineArticleId, story.FirstPublishedAt, story.LastPublishedAt,
            story.ArticleCount, story.OutletCount, outlets);
    }

    /// <summary>A happening (a kind of event on a day) two stories both report.</summary>
    public sealed record SharedEvent(string Kind, string Label, DateOnly Date);

    /// <summary>Another story that reports some of the same happenings, with those it shares.</summary>
    public sealed record Related(long Id, string Headline, int ArticleCount, IReadOnlyList<SharedEvent> Shared);

    // Enough to follow a development into its neighbours; more is what the timeline is for.
    private const int MaxRelated = 5;

    // A story of hundreds of reports names many happenings; its most reported ones say what it is about.
    private const int MaxOwnEvents = 40;

    /// <summary>
    /// Stories that report the same happenings as this one, most shared first: the fuel protests of 2 January and the
    /// government's resignation on the 5th are two stories, but each tells the other's events, and a reader of one wants
    /// the other. Statements and other loose kinds ("said", "killed") are left out: every story of a week shares them.
    /// </summary>
    public static async Task<IReadOnlyList<Related>> RelatedAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        var own = (await db.ArticleEvents.AsNoTracking()
                .Where(e => e.Article.StoryId == id && e.Article.OnTopic)
                .GroupBy(e => new { e.Kind, e.Date })
                .Select(g => new { g.Key.Kind, g.Key.Date, Reports = g.Count() })
                .ToListAsync(ct))
            .Where(k => !EventKinds.IsLoose(k.Kind) && !EventKinds.IsReporting(k.Kind))
            .OrderByDescending(k => k.Reports).ThenBy(k => k.Date).ThenBy(k => k.Kind, StringComparer.Ordinal)
            .Take(MaxOwnEvents)
            .Select(k => (k.Kind, k.Date))
            .ToHashSet();
        if (own.Count == 0)
        {
            return [];
        }

        var kinds = own.Select(k => k.Kind).Distinct().ToList();
        var days = own.Select(k => k.Date).Distinct().ToList();
        var others = await db.ArticleEvents.AsNoTracking()
            .Where(e => kinds.Contains(e.Kind) && days.Contains(e.Date) && e.Article.OnTopic && e.Article.StoryId != null && e.Article.StoryId != id)
            .Select(e => new { Story = e.Article.StoryId!.Value, e.Kind, e.Date })
            .Distinct()
            .ToListAsync(ct);
        var ranked = others.Where(o => own.Contains((o.Kind, o.Date)))
            .GroupBy(o => o.Story)
            .Select(g => (Story: g.Key, Shared: g.OrderBy(o => o.Date).ThenBy(o => o.Kind, StringComparer.Ordinal)
                .Select(o => new SharedEvent(o.Kind, EventKindLabels.Label(o.Kind), o.Date)).ToList()))
            .ToList();
        var ids = ranked.Select(r => r.Story).ToList();
        var stories = await db.Stories.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.MergedIntoId == null && s.ArticleCount > 0)
            .Select(s => new { s.Id, s.Headline, s.ArticleCount })
            .ToDictionaryAsync(s => s.Id, ct);
        return [.. ranked.Where(r => stories.ContainsKey(r.Story))
            .OrderByDescending(r => r.Shared.Count).ThenByDescending(r => stories[r.Story].ArticleCount).ThenBy(r => r.Story)
            .Take(MaxRelated)
            .Select(r => new Related(r.Story, stories[r.Story].Headline, stories[r.Story].ArticleCount, r.Shared))];
    }
}
