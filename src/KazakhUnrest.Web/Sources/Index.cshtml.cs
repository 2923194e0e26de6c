using System.Net;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Sources;

/// <summary>The scraper's status: every source with its last run, counts, next run and last error.</summary>
public sealed partial class IndexModel(KazakhDbContext db) : PageModel
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

    /// <summary>
    /// A source's error without the addresses its host resolved to: the scraper keeps those in its log, but errors
    /// stored by older versions (or written by a library) can carry one, and this page is public. An address written
    /// as the host of a URL is the configured location, already shown, and stays.
    /// </summary>
    public static string? PublicError(string? error) =>
        error is null ? null : IpAddress().Replace(error, m => IPAddress.TryParse(m.Value, out _) ? "[address]" : m.Value);

    // IPv4 dotted quads and IPv6 groups (with an IPv4 tail or a zone), not right after "//" or "//[" where a URL names its host.
    [GeneratedRegex(@"(?<!//\[?)(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,4}(?:%\w+)?)(?![\w.:])")]
    private static partial Regex IpAddress();

    public static string When(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm") + " UTC" : "never";
}
