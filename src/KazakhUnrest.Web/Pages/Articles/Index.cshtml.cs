using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using KazakhUnrest.Web.Infrastructure;

namespace KazakhUnrest.Web.Pages.Articles;

public sealed class IndexModel(KazakhDbContext db, IOptions<SiteOptions> options) : PageModel
{
    public IReadOnlyList<Row> Articles { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int TotalCount { get; private set; }
    public int PageCount { get; private set; }
    public string? Outlet { get; private set; }
    public bool DatabaseIsEmpty { get; private set; }

    public sealed record Row(
        long Id, string Title, string OutletName, string OutletSlug, bool IsSample,
        DateTimeOffset? PublishedAt, bool PublishedInferred, DateTimeOffset FirstSeenAt, int Segment);

    public async Task OnGetAsync(int? p, string? outlet, CancellationToken ct)
    {
        var pageSize = options.Value.PageSize;
        Outlet = string.IsNullOrWhiteSpace(outlet) ? null : outlet;
        var query = db.Articles.AsNoTracking();
        if (Outlet is not null)
        {
            query = query.Where(a => a.Outlet.Slug == Outlet);
        }

        TotalCount = await query.CountAsync(ct);
        PageCount = Math.Max(1, (TotalCount + pageSize - 1) / pageSize);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        DatabaseIsEmpty = TotalCount == 0 && Outlet is null;

        // Newest first by the outlet's own date; first-seen stands in where the page printed none.
        Articles = await query
            .OrderByDescending(a => a.PublishedAt ?? a.FirstSeenAt)
            .ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new Row(a.Id, a.Title, a.Outlet.Name, a.Outlet.Slug, a.IsSample,
                a.PublishedAt, a.PublishedInferred, a.FirstSeenAt, a.Segment))
            .ToListAsync(ct);
    }
}
