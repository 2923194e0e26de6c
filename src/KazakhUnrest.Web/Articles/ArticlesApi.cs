using KazakhUnrest.Core.Captures;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Tags;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Articles;

public static class ArticlesApi
{
    public sealed record ArticleSummary(long Id, string Title, string Outlet, string Url, int Segment,
        DateTimeOffset? PublishedAt, bool PublishedInferred, DateTimeOffset FirstSeenAt, bool IsSample, bool OnTopic, long? StoryId);

    public sealed record ArticleDetail(long Id, string Title, string Outlet, string OutletSlug, string Url, int Segment,
        string? Byline, string? Dateline, string? Language, IReadOnlyList<BodyBlock> Body,
        DateTimeOffset? PublishedAt, bool PublishedInferred, DateTimeOffset? ModifiedAt, DateTimeOffset FirstSeenAt,
        DateTimeOffset UpdatedAt, int Revision, long? CaptureId, bool IsSample,
        bool OnTopic, double? RelevanceScore, IReadOnlyList<string> RelevanceReasons, bool? RelevanceOverride, long? StoryId, long? DuplicateOfId);

    public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").CacheOutput(PageCache.Policy);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        app.MapGet("/captures/{id:long}/raw", RawCaptureAsync);
        return app;
    }

    private static async Task<Ok<Paged<ArticleSummary>>> ListAsync(KazakhDbContext db, IOptions<SiteOptions> options,
        int? page, int? pageSize, string? outlet, string? topic, string? country, string? actor, string? tag, CancellationToken ct)
    {
        var size = pageSize ?? options.Value.PageSize;
        var query = ArticleFilters.Listed(db, outlet, topic, country, actor, tag);

        var number = Math.Max(1, page ?? 1);
        var total = await query.CountAsync(ct);
        var items = await query
            .Newest()
            .Skip((number - 1) * size).Take(size)
            .Select(a => new ArticleSummary(a.Id, a.Title, a.Outlet.Name, a.CanonicalUrl, a.Segment,
                a.PublishedAt, a.PublishedInferred, a.FirstSeenAt, a.IsSample, a.OnTopic, a.StoryId))
            .ToListAsync(ct);
        return TypedResults.Ok(new Paged<ArticleSummary>(items, number, size, total));
    }

    private static async Task<Results<Ok<ArticleDetail>, NotFound>> GetAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        var a = await db.Articles.AsNoTracking().Include(x => x.Outlet).FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ArticleDetail(a.Id, a.Title, a.Outlet.Name, a.Outlet.Slug, a.CanonicalUrl, a.Segment,
                a.Byline, a.Dateline, a.Language, a.Body, a.PublishedAt, a.PublishedInferred, a.ModifiedAt,
                a.FirstSeenAt, a.UpdatedAt, a.Revision, a.CaptureId, a.IsSample,
                a.OnTopic, a.RelevanceScore, a.RelevanceReasons, a.RelevanceOverride, a.StoryId, a.DuplicateOfId));
    }

    // Raw captures are other sites' HTML: served as inert text, never rendered on our origin.
    private static async Task<Results<FileContentHttpResult, NotFound>> RawCaptureAsync(KazakhDbContext db, HttpContext http, long id, CancellationToken ct)
    {
        var capture = await db.Captures.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (capture is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(CaptureBody.Decompress(capture.Compressed), "text/plain; charset=utf-8");
    }
}
