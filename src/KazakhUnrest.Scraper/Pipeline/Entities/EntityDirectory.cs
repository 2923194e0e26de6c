using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// The entities in the database: the built-in gazetteer written in on start (so pages can name and link every
/// entity), plus what editors added, which the matcher must know too.
/// </summary>
public static class EntityDirectory
{
    /// <summary>Writes the gazetteer's entities and names that are missing; never removes what editors added.</summary>
    public static async Task<int> SyncGazetteerAsync(KazakhDbContext db, CancellationToken ct)
    {
        var known = await db.Entities.Select(e => e.Id).ToHashSetAsync(ct);
        var aliases = (await db.EntityAliases.Select(a => new { a.EntityId, a.Name }).ToListAsync(ct))
            .Select(a => (a.EntityId, a.Name)).ToHashSet();
        var added = 0;
        foreach (var entry in Gazetteer.Entries.Where(e => !e.PerCountry))
        {
            if (known.Add(entry.Id))
            {
                db.Entities.Add(new Entity { Id = entry.Id, Kind = entry.Kind, Name = entry.Name, Country = entry.Iso ?? entry.Country, FromGazetteer = true });
                added++;
            }

            foreach (var (name, description) in entry.Aliases.Select(a => (a, false)).Concat(EntityMatcher.DescriptionsOf(entry).Select(d => (d, true))))
            {
                if (aliases.Add((entry.Id, name)))
                {
                    db.EntityAliases.Add(new EntityAlias { EntityId = entry.Id, Name = name, IsDescription = description, AddedAt = DateTimeOffset.UtcNow });
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// A body every country has ("Foreign Ministry") resolves to an id per country ("foreign-ministry-cn"); its row
    /// is made the first time an article names it.
    /// </summary>
    public static async Task EnsureAsync(KazakhDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var known = await db.Entities.Where(e => wanted.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        foreach (var id in wanted.Except(known))
        {
            var dash = id.LastIndexOf('-');
            var general = dash > 0 ? Gazetteer.Entries.FirstOrDefault(e => e.PerCountry && e.Id == id[..dash]) : null;
            var country = general is null ? null : Gazetteer.Country(id[(dash + 1)..]);
            db.Entities.Add(new Entity
            {
                Id = id,
                Kind = general?.Kind ?? EntityKind.Organisation,
                Name = general is null ? id : country is null ? general.Name : $"{general.Name} ({country.Name})",
                Country = country?.Iso?.ToUpperInvariant(),
                FromGazetteer = general is not null,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
