using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Entities;

/// <summary>Every known entity that on-topic articles name, most named first.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(KazakhDbContext db, IOptions<SiteOptions> options) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public EntityKind? Kind { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }

    public sealed record Row(string Id, string Name, EntityKind Kind, string? Country, int Articles);

    public async Task OnGetAsync(string? kind, int? p, CancellationToken ct)
    {
        Kind = Enum.TryParse<EntityKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        var query = db.ArticleEntities.AsNoTracking().Where(x => x.Article.OnTopic);
        if (Kind is { } only)
        {
            query = query.Where(x => x.Entity.Kind == only);
        }

        var grouped = query.GroupBy(x => new { x.EntityId, x.Entity.Name, x.Entity.Kind, x.Entity.Country });
        var pageSize = options.Value.PageSize * 2;
        PageCount = Math.Max(1, (await grouped.CountAsync(ct) + pageSize - 1) / pageSize);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Rows = await grouped
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name)
            .Skip((PageNumber - 1) * pageSize).Take(pageSize)
            .Select(g => new Row(g.Key.EntityId, g.Key.Name, g.Key.Kind, g.Key.Country, g.Count()))
            .ToListAsync(ct);
    }

    public string Link(int page, EntityKind? kind) =>
        "/entities?" + string.Join('&', new[] { kind is { } k ? $"kind={k}" : null, page > 1 ? $"p={page}" : null }.OfType<string>());
}
