using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// The country and actor filters, one rule for the timeline, the article list and the story list.
/// A country (ISO code) matches whatever mentions an entity whose <see cref="Entity.Country"/> is that code:
/// the country's own entity carries its code, so "KZ" finds mentions of Kazakhstan and of Tokayev, Almaty or the KNB alike.
/// </summary>
public static class EntityFilters
{
    public sealed record Option(string Value, string Label);

    public sealed record EntityLink(string Id, string Name, EntityKind Kind, int Count);

    /// <summary>Entities to link from a page; <paramref name="CountUnit"/> says what Count counts ("mentions", "articles").</summary>
    public sealed record EntityLinks(IReadOnlyList<EntityLink> Links, string CountUnit);

    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? NormalizeCountry(string? code) => Normalize(code)?.ToUpperInvariant();

    /// <summary>The ids of every entity of a country; few enough to send as an array parameter.</summary>
    public static async Task<string[]> CountryEntityIdsAsync(KazakhDbContext db, string code, CancellationToken ct) =>
        await db.Entities.AsNoTracking().Where(e => e.Country == code).Select(e => e.Id).ToArrayAsync(ct);

    /// <summary>The filters as query-string parts, for paging links that keep them.</summary>
    public static IEnumerable<string> Query(string? country, string? actor)
    {
        if (country is not null)
        {
            yield return $"country={Uri.EscapeDataString(country)}";
        }

        if (actor is not null)
        {
            yield return $"actor={Uri.EscapeDataString(actor)}";
        }
    }

    public static IQueryable<Article> Mentioning(this IQueryable<Article> query, string? country, string? actor)
    {
        if (country is not null)
        {
            query = query.Where(a => a.Entities.Any(x => x.Entity.Country == country));
        }

        return actor is null ? query : query.Where(a => a.Entities.Any(x => x.EntityId == actor));
    }

    /// <summary>Countries and actors that articles mention, most mentioned first, for the list filters' selects.</summary>
    public static async Task<(IReadOnlyList<Option> Countries, IReadOnlyList<Option> Actors)> OptionsAsync(KazakhDbContext db, CancellationToken ct)
    {
        var countries = await db.Entities.AsNoTracking()
            .Where(e => e.Kind == EntityKind.Country && e.Country != null && db.ArticleEntities.Any(x => x.Entity.Country == e.Country))
            .OrderBy(e => e.Name)
            .Select(e => new Option(e.Country!, e.Name))
            .ToListAsync(ct);
        var actors = await db.ArticleEntities.AsNoTracking()
            .Where(x => x.Entity.Kind == EntityKind.Person || x.Entity.Kind == EntityKind.Organisation)
            .GroupBy(x => new { x.EntityId, x.Entity.Name })
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name)
            .Take(100)
            .Select(g => new Option(g.Key.EntityId, g.Key.Name))
            .ToListAsync(ct);
        return ([.. countries.DistinctBy(c => c.Value)], [.. actors.OrderBy(a => a.Label, StringComparer.CurrentCulture)]);
    }
}
