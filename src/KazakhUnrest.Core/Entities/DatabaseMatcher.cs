using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Entities;

/// <summary>
/// The matcher over the names in the database: what the entities step reads articles with, and what search resolves a
/// query's names with, so a name an editor adds is found in articles and in queries alike.
/// </summary>
public static class DatabaseMatcher
{
    /// <summary>The gazetteer with the entities and names editors added: what the events step matches with.</summary>
    public static async Task<EntityMatcher> LoadAsync(KazakhDbContext db, CancellationToken ct)
    {
        var added = await db.EntityAliases.AsNoTracking().Where(a => a.AddedBy != null && a.RemovedAt == null)
            .Select(a => new { a.EntityId, a.Entity.Kind, EntityName = a.Entity.Name, a.Entity.Country, a.Name, a.IsDescription })
            .ToListAsync(ct);
        var created = await db.Entities.AsNoTracking().Where(e => !e.FromGazetteer)
            .Select(e => new { e.Id, e.Kind, e.Name, e.Country }).ToListAsync(ct);
        var extra = created.Select(e => new GazetteerEntry { Id = e.Id, Kind = e.Kind, Name = e.Name, Country = e.Country })
            .Concat(added.GroupBy(a => a.EntityId).Select(g => new GazetteerEntry
            {
                Id = g.Key,
                Kind = g.First().Kind,
                Name = g.First().EntityName,
                Country = g.First().Country,
                Aliases = g.Where(a => !a.IsDescription).Select(a => a.Name).ToList(),
                Descriptions = g.Where(a => a.IsDescription).Select(a => a.Name).ToList(),
            }));
        return new EntityMatcher((await WithoutRemovedAsync(db, ct)).Concat(extra));
    }

    /// <summary>The gazetteer less the names editors removed: a removed alias or description is not matched any more.</summary>
    private static async Task<IEnumerable<GazetteerEntry>> WithoutRemovedAsync(KazakhDbContext db, CancellationToken ct)
    {
        var removed = (await db.EntityAliases.AsNoTracking().Where(a => a.RemovedAt != null).Select(a => new { a.EntityId, a.Name }).ToListAsync(ct))
            .ToLookup(a => a.EntityId, a => a.Name);
        if (removed.Count == 0)
        {
            return Gazetteer.Entries;
        }

        return Gazetteer.Entries.Select(entry => removed[entry.Id].ToHashSet(StringComparer.Ordinal) is { Count: > 0 } names
            ? entry with
            {
                Aliases = [.. entry.Aliases.Where(a => !names.Contains(a))],
                Descriptions = [.. EntityMatcher.DescriptionsOf(entry).Where(d => !names.Contains(d))],
            }
            : entry);
    }
}
