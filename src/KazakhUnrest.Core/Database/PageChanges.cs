using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Database;

/// <summary>
/// Tells every site instance that what readers see has changed, through PostgreSQL's NOTIFY on one channel: each
/// instance LISTENs on it and empties its page cache. The site publishes after an editor's change, the scraper after
/// it stored and filed new articles; both only after their own transaction committed, so an instance that rebuilds a
/// page at once reads the change.
/// </summary>
public static class PageChanges
{
    public const string Channel = "page_cache";

    public static async Task PublishAsync(KazakhDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", ct);
}
