using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Tags;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Tags;

/// <summary>What the tag pages, the tag filters of the lists and /api/tags read, so they all show the same.</summary>
public static class TagQueries
{
    public sealed record Chip(string Slug, string Name, bool Retired);

    public sealed record ListItem(string Slug, string Name, string? Description, bool Retired, int Articles, int Stories);

    public sealed record TaggedArticle(long Id, string Title, string Outlet, string OutletSlug, DateTimeOffset? PublishedAt, DateTimeOffset FirstSeenAt,
        long? StoryId, bool IsSample);

    public sealed record DayCount(DateOnly Date, int Articles);

    /// <param name="Undated">Tagged articles with no publication day, printed or inferred.</param>
    public sealed record Detail(ListItem Tag, IReadOnlyList<TaggedArticle> Articles, int Page, int PageCount, IReadOnlyList<DayCount> ByDay, int Undated);

    /// <summary>Articles that carry the tag; no filter when <paramref name="slug"/> is null.</summary>
    public static IQueryable<Article> TaggedWith(this IQueryable<Article> query, KazakhDbContext db, string? slug) =>
        slug is null ? query : query.Where(a => db.ArticleTags.Any(t => t.ArticleId == a.Id && t.Tag.Slug == slug));

    /// <summary>Stories that carry the tag themselves or hold an article that does.</summary>
    public static IQueryable<Story> TaggedWith(this IQueryable<Story> query, KazakhDbContext db, string? slug) =>
        slug is null
            ? query
            : query.Where(s => db.StoryTags.Any(t => t.Article.StoryId == s.Id && t.Tag.Slug == slug)
                || db.ArticleTags.Any(t => t.Article.StoryId == s.Id && t.Tag.Slug == slug));

    /// <summary>A <c>tag=</c> value as a filter: null when absent, the slug otherwise (its form is checked by the input guard).</summary>
    public static string? Normalize(string? slug) => string.IsNullOrWhiteSpace(slug) ? null : slug.Trim();

    /// <summary>Every tag with its counts, retired ones last.</summary>
    public static async Task<IReadOnlyList<ListItem>> ListAsync(KazakhDbContext db, CancellationToken ct) =>
        await Items(db, db.Tags.AsNoTracking().OrderBy(t => t.Retired).ThenBy(t => t.Name)).ToListAsync(ct);

    /// <summary>The tags editors may put on something now (retired ones are not offered).</summary>
    public static async Task<IReadOnlyList<Chip>> OfferedAsync(KazakhDbContext db, CancellationToken ct) =>
        await db.Tags.AsNoTracking().Where(t => !t.Retired).OrderBy(t => t.Name).Select(t => new Chip(t.Slug, t.Name, t.Retired)).ToListAsync(ct);

    public static async Task<Detail?> GetAsync(KazakhDbContext db, string slug, int page, int pageSize, CancellationToken ct)
    {
        var tag = await Items(db, db.Tags.AsNoTracking().Where(t => t.Slug == slug)).SingleOrDefaultAsync(ct);
        if (tag is null)
        {
            return null;
        }

        var articles = db.Articles.AsNoTracking().TaggedWith(db, slug);
        var pageCount = Math.Max(1, (tag.Articles + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await articles.OrderByDescending(a => a.PublishedAt ?? a.FirstSeenAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new TaggedArticle(a.Id, a.Title, a.Outlet.Name, a.Outlet.Slug, a.PublishedAt, a.FirstSeenAt, a.StoryId, a.IsSample))
            .ToListAsync(ct);

        // The day an article was published: printed, else inferred from its story; counted in the database.
        var printed = await articles.Where(a => a.PublishedAt != null)
            .GroupBy(a => new { a.PublishedAt!.Value.Year, a.PublishedAt.Value.Month, a.PublishedAt.Value.Day })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, Count = g.Count() })
            .ToListAsync(ct);
        var inferred = await articles.Where(a => a.PublishedAt == null && a.InferredPublishedOn != null)
            .GroupBy(a => a.InferredPublishedOn!.Value)
            .Select(g => new { Date = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var byDay = printed.Select(p => (Date: new DateOnly(p.Year, p.Month, p.Day), p.Count)).Concat(inferred.Select(i => (i.Date, i.Count)))
            .GroupBy(d => d.Date).Select(g => new DayCount(g.Key, g.Sum(d => d.Count))).OrderBy(d => d.Date).ToList();
        return new Detail(tag, rows, page, pageCount, byDay, tag.Articles - byDay.Sum(d => d.Articles));
    }

    /// <summary>The tags of each article, for the lists' chips.</summary>
    public static async Task<ILookup<long, Chip>> ForArticlesAsync(KazakhDbContext db, IReadOnlyCollection<long> articleIds, CancellationToken ct) =>
        (await db.ArticleTags.AsNoTracking().Where(t => articleIds.Contains(t.ArticleId))
            .OrderBy(t => t.Tag.Name)
            .Select(t => new { t.ArticleId, Chip = new Chip(t.Tag.Slug, t.Tag.Name, t.Tag.Retired) })
            .ToListAsync(ct)).ToLookup(t => t.ArticleId, t => t.Chip);

    /// <summary>The tags of each story (its own, not its articles').</summary>
    public static async Task<ILookup<long, Chip>> ForStoriesAsync(KazakhDbContext db, IReadOnlyCollection<long> storyIds, CancellationToken ct) =>
        (await db.StoryTags.AsNoTracking().Where(t => t.Article.StoryId != null && storyIds.Contains(t.Article.StoryId.Value))
            .OrderBy(t => t.Tag.Name)
            .Select(t => new { StoryId = t.Article.StoryId!.Value, Chip = new Chip(t.Tag.Slug, t.Tag.Name, t.Tag.Retired) })
            .ToListAsync(ct)).ToLookup(t => t.StoryId, t => t.Chip);

    // A story counts once however many of its articles anchor the tag (merged stories share one).
    private static IQueryable<ListItem> Items(KazakhDbContext db, IQueryable<Tag> tags) =>
        tags.Select(t => new ListItem(t.Slug, t.Name, t.Description, t.Retired, t.Articles.Count,
            db.StoryTags.Where(s => s.TagId == t.Id && s.Article.StoryId != null).Select(s => s.Article.StoryId).Distinct().Count()));
}
