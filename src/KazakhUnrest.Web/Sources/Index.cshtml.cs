using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Sources;

/// <summary>The scraper's status: every source with its last run, counts, next run and last error.</summary>
public sealed class IndexModel(KazakhDbContext db) : PageModel
{
    public IReadOnlyList<Row> Sources { get; private set; } = [];
    public int Failing { get; private set; }
    public DateTimeOffset? LastRun { get; private set; }

    public sealed record Row(int Id, string Name, SourceKind Kind, string Location, string? Outlet, bool Enabled,
        DateTimeOffset? LastRunAt, DateTimeOffset? LastSuccessAt, int New, int Updated, int Unchanged,
        DateTimeOffset? NextCheckAt, int ConsecutiveErrors, string? LastError, DateTimeOffset? LastErrorAt, string? LeasedBy);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sources = await db.Sources.AsNoTracking()
            .OrderByDescending(s => s.ConsecutiveErrors > 0).ThenBy(s => s.Name)
            .Select(s => new Row(s.Id, s.Name, s.Kind, s.Location, s.Outlet == null ? null : s.Outlet.Name, s.Enabled,
                s.LastRunAt, s.LastSuccessAt, s.LastNewCount, s.LastUpdatedCount, s.LastUnchangedCount,
                s.NextCheckAt, s.ConsecutiveErrors, s.LastError, s.LastErrorAt,
                s.LeasedUntil > DateTimeOffset.UtcNow ? s.LeasedBy : null))
            .ToListAsync(ct);
        Failing = Sources.Count(s => s.ConsecutiveErrors > 0);
        LastRun = Sources.Max(s => s.LastRunAt);
    }

    public static string When(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm") + " UTC" : "never";
}
