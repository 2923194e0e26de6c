using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>
/// Hands due sources to one process at a time through PostgreSQL row locks, so several scraper
/// processes can run side by side without fetching a source twice.
/// </summary>
public static class SourceLeases
{
    public static string Worker { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    // Leases are timed by the database's clock alone, the one clock every scraper process shares.
    public static async Task<List<int>> LeaseDueAsync(KazakhDbContext db, int max, TimeSpan leaseTime, CancellationToken ct)
    {
        return await db.Database.SqlQuery<int>($"""
            UPDATE sources SET leased_until = now() + {leaseTime}, leased_by = {Worker}
            WHERE id IN (
                SELECT id FROM sources
                WHERE enabled
                  AND (next_check_at IS NULL OR next_check_at <= now())
                  AND (leased_until IS NULL OR leased_until < now())
                ORDER BY next_check_at NULLS FIRST, id
                LIMIT {max}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
    }

    /// <summary>Takes one named source now, due or not, unless another process is running it.</summary>
    public static async Task<int?> LeaseByNameAsync(KazakhDbContext db, string name, TimeSpan leaseTime, CancellationToken ct)
    {
        var ids = await db.Database.SqlQuery<int>($"""
            UPDATE sources SET leased_until = now() + {leaseTime}, leased_by = {Worker}
            WHERE id = (
                SELECT id FROM sources
                WHERE name = {name} AND (leased_until IS NULL OR leased_until < now())
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>When the next source falls due, so the service can sleep until then.</summary>
    public static Task<DateTimeOffset?> NextDueAsync(KazakhDbContext db, CancellationToken ct) =>
        db.Sources.Where(s => s.Enabled).MinAsync(s => s.NextCheckAt, ct);
}
