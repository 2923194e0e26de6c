using System.Globalization;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Stories;
using KazakhUnrest.Web.Tags;
using KazakhUnrest.Web.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Feeds;

/// <summary>
/// Atom 1.0 feeds a journalist follows in a feed reader: the newest stories, a story's new reports, the timeline's newly
/// reported entries, an outlet, an entity and a tag (a search has its own, <c>/search/feed</c>). Each page links its feed
/// with <c>&lt;link rel="alternate"&gt;</c> (<see cref="Links"/>); each feed answers conditional GET, and its entries keep
/// the address of what they list as their id, so a reader never shows one report twice.
/// </summary>
public static class FeedsEndpoints
{
    /// <summary>Entries per feed: a reader polling every hour sees every new report of a busy day; older ones are on the page.</summary>
    public const int FeedSize = 50;

    /// <summary>Characters of a report's text given as an entry's summary: its lead, enough to decide whether to open it.</summary>
    private const int SummaryLength = 400;

    /// <summary>Where each page's feed is, for its <c>&lt;link rel="alternate"&gt;</c> and the link a reader clicks.</summary>
    public static class Links
    {
        public const string Stories = "/stories/feed";
        public const string Timeline = "/timeline/feed";

        public static string Story(long id) => $"/stories/{id.ToString(CultureInfo.InvariantCulture)}/feed";

        public static string Outlet(string slug) => $"/outlets/{Uri.EscapeDataString(slug)}/feed";

        public static string Entity(string id) => $"/entities/{Uri.EscapeDataString(id)}/feed";

        public static string Tag(string slug) => $"/tags/{Uri.EscapeDataString(slug)}/feed";
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(Links.Stories, methods, StoriesAsync).CacheOutput(PageCache.Policy);
        app.MapMethods("/stories/{id:long}/feed", methods, StoryAsync).CacheOutput(PageCache.Policy);
        app.MapMethods(Links.Timeline, methods, TimelineAsync).CacheOutput(PageCache.Policy);
        app.MapMethods("/outlets/{slug}/feed", methods, OutletAsync).CacheOutput(PageCache.Policy);
        app.MapMethods("/entities/{id}/feed", methods, EntityAsync).CacheOutput(PageCache.Policy);
        app.MapMethods("/tags/{slug}/feed", methods, TagAsync).CacheOutput(PageCache.Policy);
        return app;
    }

    /// <summary>The newest stories, by their latest report: a story that gets a new report comes back to the top.</summary>
    private static async Task<IResult> StoriesAsync(HttpRequest request, KazakhDbContext db, CancellationToken ct)
    {
        var stories = await db.Stories.AsNoTracking()
            .Where(s => s.MergedIntoId == null && s.ArticleCount > 0)
            .OrderByDescending(s => s.LastPublishedAt).ThenByDescending(s => s.Id)
            .Take(FeedSize)
            .Select(s => new { s.Id, s.Headline, s.FirstPublishedAt, s.LastPublishedAt, s.UpdatedAt, s.ArticleCount, s.OutletCount })
            .ToListAsync(ct);
        var feed = new AtomFeed(AtomFeed.Address(request, Links.Stories).AbsoluteUri, "KazakhUnrest: newest stories",
            AtomFeed.Address(request, Links.Stories), AtomFeed.Address(request, "/stories"),
            [.. stories.Select(s => new AtomEntry(AtomFeed.Address(request, $"/stories/{s.Id}").AbsoluteUri, s.Headline,
                AtomFeed.Address(request, $"/stories/{s.Id}"), s.FirstPublishedAt, Max(s.UpdatedAt, s.LastPublishedAt), "")
            {
                Summary = string.Create(CultureInfo.InvariantCulture,
                    $"{s.ArticleCount} reports from {s.OutletCount} outlets, {s.FirstPublishedAt:d MMMM} to {s.LastPublishedAt:d MMMM yyyy}."),
            })],
            await LastChangeAsync(db.Articles, ct))
        {
            Subtitle = "Reports of the January 2022 unrest in Kazakhstan, grouped by what they report; the story with the latest report first.",
        };
        return AtomFeedWriter.Result(feed);
    }

    private static async Task<IResult> StoryAsync(HttpRequest request, KazakhDbContext db, long id, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Headline, s.MergedIntoId }).FirstOrDefaultAsync(ct);
        if (story is null)
        {
            return TypedResults.NotFound();
        }

        if (story.MergedIntoId is not null)
        {
            return TypedResults.Redirect(Links.Story(await StoryQueries.FinalIdAsync(db, id, ct)), permanent: true);
        }

        return await ArticlesAsync(request, db, db.Articles.Where(a => a.StoryId == id && a.OnTopic), Links.Story(id), $"/stories/{id}",
            $"KazakhUnrest story: {story.Headline}", "Every report of the story, copies included, the newest first.", ct);
    }

    private static async Task<IResult> OutletAsync(HttpRequest request, KazakhDbContext db, string slug, CancellationToken ct)
    {
        var name = await db.Outlets.AsNoTracking().Where(o => o.Slug == slug).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return name is null
            ? TypedResults.NotFound()
            : await ArticlesAsync(request, db, db.Articles.Where(a => a.Outlet.Slug == slug && a.OnTopic), Links.Outlet(slug), $"/outlets/{Uri.EscapeDataString(slug)}",
                $"KazakhUnrest outlet: {name}", $"The reports of {name} about the unrest, the newest first.", ct);
    }

    private static async Task<IResult> EntityAsync(HttpRequest request, KazakhDbContext db, string id, CancellationToken ct)
    {
        var name = await db.Entities.AsNoTracking().Where(e => e.Id == id).Select(e => e.Name).FirstOrDefaultAsync(ct);
        return name is null
            ? TypedResults.NotFound()
            : await ArticlesAsync(request, db,
                db.Articles.Where(a => a.OnTopic && a.DuplicateOfId == null && db.ArticleEntities.Any(m => m.ArticleId == a.Id && m.EntityId == id)),
                Links.Entity(id), $"/entities/{Uri.EscapeDataString(id)}",
                $"KazakhUnrest: reports naming {name}", $"Reports that name {name}, copies folded under their original, the newest first.", ct);
    }

    private static async Task<IResult> TagAsync(HttpRequest request, KazakhDbContext db, string slug, CancellationToken ct)
    {
        var name = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(ct);
        return name is null
            ? TypedResults.NotFound()
            : await ArticlesAsync(request, db, db.Articles.TaggedWith(db, slug), Links.Tag(slug), $"/tags/{Uri.EscapeDataString(slug)}",
                $"KazakhUnrest tag: {name}", $"Reports the editors tagged \u201c{name}\u201d, the newest first.", ct);
    }

    /// <summary>
    /// The timeline's entries with the newest reports first: an event reported today, whatever day it happened, is what a
    /// follower has not seen. Hidden entries are left out, as on the page.
    /// </summary>
    private static async Task<IResult> TimelineAsync(HttpRequest request, KazakhDbContext db, CancellationToken ct)
    {
        var entries = await (await TimelineQueries.FilteredAsync(db, new TimelineQueries.Filters(null, null, null, null), withHidden: false, ct))
            .Where(t => t.Sources.Any(s => s.Article.OnTopic))
            .Select(t => new
            {
                t.Key,
                t.Date,
                t.Kind,
                t.Summary,
                t.SourceCount,
                Reported = t.Sources.Where(s => s.Article.OnTopic).Min(s => s.Article.PublishedAt ?? s.Article.FirstSeenAt),
                Updated = t.Sources.Where(s => s.Article.OnTopic).Max(s => s.Article.UpdatedAt),
            })
            .OrderByDescending(t => t.Updated).ThenBy(t => t.Key)
            .Take(FeedSize)
            .ToListAsync(ct);
        var feed = new AtomFeed(AtomFeed.Address(request, Links.Timeline).AbsoluteUri, "KazakhUnrest: timeline",
            AtomFeed.Address(request, Links.Timeline), AtomFeed.Address(request, "/timeline"),
            [.. entries.Select(e => new AtomEntry(AtomFeed.Address(request, $"/timeline/entries/{e.Key}").AbsoluteUri,
                string.Create(CultureInfo.InvariantCulture, $"{e.Date:d MMMM yyyy}: {e.Summary}"),
                AtomFeed.Address(request, $"/timeline/entries/{e.Key}"), e.Reported, e.Updated, "")
            {
                Summary = $"{EventKindLabels.Label(e.Kind)}, reported by {e.SourceCount} {(e.SourceCount == 1 ? "source" : "sources")}.",
                Categories = [new AtomCategory(e.Kind, EventKindLabels.Label(e.Kind))],
            })],
            await LastChangeAsync(db.Articles, ct))
        {
            Subtitle = "Dated events of the unrest as the reports tell them; the entry with the newest report first.",
        };
        return AtomFeedWriter.Result(feed);
    }

    private static async Task<IResult> ArticlesAsync(HttpRequest request, KazakhDbContext db, IQueryable<Article> articles, string self, string page,
        string title, string subtitle, CancellationToken ct)
    {
        var rows = await articles.AsNoTracking().Newest()
            .Take(FeedSize)
            .Select(a => new { a.Id, a.Title, a.PublishedAt, a.UpdatedAt, Outlet = a.Outlet.Name, Lead = a.Text.Substring(0, SummaryLength) })
            .ToListAsync(ct);
        var feed = new AtomFeed(AtomFeed.Address(request, self).AbsoluteUri, title, AtomFeed.Address(request, self), AtomFeed.Address(request, page),
            [.. rows.Select(r => new AtomEntry(AtomFeed.Address(request, $"/articles/{r.Id}").AbsoluteUri, r.Title,
                AtomFeed.Address(request, $"/articles/{r.Id}"), r.PublishedAt, r.UpdatedAt, r.Outlet)
            {
                Summary = r.Lead,
            })],
            await LastChangeAsync(articles, ct))
        {
            Subtitle = subtitle,
        };
        return AtomFeedWriter.Result(feed);
    }

    /// <summary>When what a feed lists last changed: its updated time when it lists nothing.</summary>
    private static async Task<DateTimeOffset> LastChangeAsync(IQueryable<Article> articles, CancellationToken ct) =>
        await articles.MaxAsync(a => (DateTimeOffset?)a.UpdatedAt, ct) ?? DateTimeOffset.UnixEpoch;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
