using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Search;

/// <summary>
/// Which entity a query word or phrase names, in any script or spelling the names know (Токаев, Тоқаев, Tokaev;
/// ОДКБ, "Russian-led military alliance"), so search finds the articles linked to it whatever they call it. The
/// matcher is the one the pipeline reads articles with, kept while the names in the database are unchanged.
/// </summary>
public sealed class SearchNames
{
    /// <summary>Consecutive words tried as one name ("Kassym-Jomart Tokayev", "Collective Security Treaty Organization").</summary>
    private const int LongestName = 6;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private (string Stamp, EntityMatcher Matcher, IReadOnlyDictionary<string, NamedEntity> Entities)? _current;

    public sealed record NamedEntity(string Id, string Name, EntityKind Kind, string? Country);

    /// <summary>The entities each term names: keyed by (clause, term), only terms that name one.</summary>
    public sealed record Resolved(IReadOnlyDictionary<(int Clause, int Term), NamedEntity> Terms, IReadOnlyDictionary<string, NamedEntity> Entities);

    public async Task<Resolved> ResolveAsync(KazakhDbContext db, SearchQuery query, CancellationToken ct)
    {
        var (_, matcher, entities) = await CurrentAsync(db, ct);
        var found = new Dictionary<(int, int), NamedEntity>();
        for (var c = 0; c < query.Clauses.Count; c++)
        {
            for (var t = 0; t < query.Clauses[c].Any.Count; t++)
            {
                if (Names(matcher, entities, query.Clauses[c].Any[t].Text) is { } entity)
                {
                    found[(c, t)] = entity;
                }
            }
        }

        // Unquoted words that together make a name ("Xi Jinping", "Алма Ата"): each of them may be met by the name,
        // so all of them together are (every word in the text) or (a link to the entity).
        for (var first = 0; first < query.Clauses.Count; first++)
        {
            for (var last = Math.Min(query.Clauses.Count - 1, first + LongestName - 1); last > first; last--)
            {
                var span = query.Clauses.Skip(first).Take(last - first + 1).ToList();
                if (span.Any(c => c.Excluded || c.Any.Count != 1 || c.Any[0].Phrase))
                {
                    continue;
                }

                if (Names(matcher, entities, string.Join(' ', span.Select(c => c.Any[0].Text))) is { } entity)
                {
                    for (var c = first; c <= last; c++)
                    {
                        found[(c, 0)] = entity;
                    }

                    first = last;
                    break;
                }
            }
        }

        return new Resolved(found, entities);
    }

    /// <summary>The entity a field filter's value names: its id, its name or any alias.</summary>
    public async Task<NamedEntity?> FindAsync(KazakhDbContext db, string value, CancellationToken ct)
    {
        var (_, matcher, entities) = await CurrentAsync(db, ct);
        return entities.TryGetValue(value.Trim().ToLowerInvariant(), out var byId) ? byId : Names(matcher, entities, value);
    }

    public async Task<IReadOnlyDictionary<string, NamedEntity>> EntitiesAsync(KazakhDbContext db, CancellationToken ct) =>
        (await CurrentAsync(db, ct)).Entities;

    /// <summary>The one entity that the whole text names, else null: a name inside a longer text is not a name query.</summary>
    private static NamedEntity? Names(EntityMatcher matcher, IReadOnlyDictionary<string, NamedEntity> entities, string text)
    {
        var mentions = matcher.Find(text);
        if (mentions.Count == 0 || mentions.Select(m => m.EntityId).Distinct().Count() != 1
            || mentions.Any(m => m.How is not (MentionHow.Name or MentionHow.Alias or MentionHow.Description)))
        {
            return null;
        }

        var covered = new bool[text.Length];
        foreach (var mention in mentions)
        {
            Array.Fill(covered, true, mention.Start, mention.Length);
        }

        var whole = !text.Where((ch, i) => char.IsLetterOrDigit(ch) && !covered[i]).Any();
        return whole && entities.TryGetValue(mentions[0].EntityId, out var entity) ? entity : null;
    }

    private async Task<(string Stamp, EntityMatcher Matcher, IReadOnlyDictionary<string, NamedEntity> Entities)> CurrentAsync(KazakhDbContext db, CancellationToken ct)
    {
        // One cheap row decides whether the names changed (an editor added or removed an alias, created an entity).
        var stamp = await db.Database.SqlQueryRaw<string>("""
            SELECT concat_ws('/', (SELECT count(*) FROM entity_aliases), (SELECT max(added_at) FROM entity_aliases),
                (SELECT max(removed_at) FROM entity_aliases), (SELECT count(*) FROM entities)) AS "Value"
            """).SingleAsync(ct);
        if (_current is { } current && current.Stamp == stamp)
        {
            return current;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded && loaded.Stamp == stamp)
            {
                return loaded;
            }

            var matcher = await DatabaseMatcher.LoadAsync(db, ct);
            var entities = await db.Entities.AsNoTracking()
                .Select(e => new NamedEntity(e.Id, e.Name, e.Kind, e.Country))
                .ToDictionaryAsync(e => e.Id, ct);
            _current = (stamp, matcher, entities);
            return _current.Value;
        }
        finally
        {
            _loading.Release();
        }
    }
}
