using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Tags;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(KazakhDbContext db, IOptions<SiteOptions> options) : PageModel
{
    public IReadOnlyList<Row> Articles { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int TotalCount { get; private set; }
    public int PageCount { get; private set; }
    public string? Outlet { get; private set; }
    public bool DatabaseIsEmpty { get; private set; }
    public string? Country { get; private set; }
    public string? Actor { get; private set; }
    public string? Tag { get; private set; }
    public ILookup<long, TagQueries.Chip> Tags { get; private set; } = Array.Empty<TagQueries.Chip>().ToLookup(_ => 0L);
    public IReadOnlyList<EntityFilters.Option> Countries { get; private set; } = [];
    public IReadOnlyList<EntityFilters.Option> Actors { get; private set; } = [];

    /// <summary>"on" (coverage, the default), "off" (what relevance set aside) or "all".</summary>
    public string Topic { get; private set; } = "on";

    public sealed record Row(
        long Id, string Title, string OutletName, string OutletSlug, bool IsSample,
        DateTimeOffset? PublishedAt, bool PublishedInferred, DateTimeOffset FirstSeenAt, int Segment, bool OnTopic, long? StoryId);

    public async Task OnGetAsync(int? p, string? outlet, string? topic, string? country, string? actor, string? tag, CancellationToken ct)
    {
        (Country, Actor) = (EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor));
        Topic = ArticleFilters.NormalizeTopic(topic);
        Tag = TagQueries.Normalize(tag);
        var pageSize = options.Value.PageSize;
        Outlet = string.IsNullOrWhiteSpace(outlet) ? null : outlet;
        var query = db.Articles.AsNoTracking().Filter(Outlet, Topic).Mentioning(Country, Actor).TaggedWith(db, Tag);
        (Countries, Actors) = await EntityFilters.OptionsAsync(db, ct);
        DatabaseIsEmpty = !await db.Articles.AnyAsync(ct);
        TotalCount = await query.CountAsync(ct);
        PageCount = Math.Max(1, (TotalCount + pageSize - 1) / pageSize);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);

        Articles = await query.Newest()
            .Skip((PageNumber - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new Row(a.Id, a.Title, a.Outlet.Name, a.Outlet.Slug, a.IsSample,
                a.PublishedAt, a.PublishedInferred, a.FirstSeenAt, a.Segment, a.OnTopic, a.StoryId))
            .ToListAsync(ct);
        Tags = await TagQueries.ForArticlesAsync(db, [.. Articles.Select(a => a.Id)], ct);
    }

    /// <summary>The list's tagging form for editors: this page's filters, to tag all they match.</summary>
    public TagForms.BulkForm BulkForm => new(BulkSelection.ForArticles(Outlet, Topic, Country, Actor, Tag), TotalCount, $"/articles?p={PageNumber}{FilterQuery}");

    /// <summary>The current filters (page aside) as a query string that starts with "&amp;".</summary>
    public string FilterQuery => string.Concat(
        new[] { Outlet is null ? null : $"outlet={Uri.EscapeDataString(Outlet)}", $"topic={Topic}" }.OfType<string>()
            .Concat(EntityFilters.Query(Country, Actor))
            .Append(Tag is null ? null : $"tag={Uri.EscapeDataString(Tag)}").OfType<string>()
            .Select(q => "&" + q));
}
