using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Timeline;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Timeline;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(KazakhDbContext db, SearchNames names) : PageModel
{
    public TimelineQueries.Filters Filters { get; private set; } = null!;
    public TimelineQueries.Page Timeline { get; private set; } = null!;
    public IReadOnlyList<TimelineQueries.Day> Days => Timeline.Days;
    public TimelineQueries.Chart Chart { get; private set; } = null!;
    public TimelineQueries.FilterOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(string? country, string? actor, string? outlet, string? kind, string? tag, string? q, DateOnly? day, CancellationToken ct)
    {
        Filters = await TimelineQueries.SearchAsync(db, names, TimelineQueries.Filters.From(country, actor, outlet, kind, tag, q), ct);
        Timeline = await TimelineQueries.PageAsync(db, Filters, day, ct, withHidden: User.IsEditor());
        Chart = await TimelineQueries.ChartAsync(db, Filters, ct);
        Options = await TimelineQueries.OptionsAsync(db, ct);
    }

    public string ApiLink(string path) => Filters.Any ? $"{path}?{Filters.ToQuery()}" : path;

    /// <summary>The page of one day, keeping the filters.</summary>
    public string DayLink(DateOnly date) =>
        $"/timeline?day={date:yyyy-MM-dd}" + (Filters.Any ? "&" + Filters.ToQuery() : "");
}
