using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Entities;

/// <summary>An actor, country, organisation or place: its names, where it is on the timeline, the stories and the outlets that name it.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(KazakhDbContext db) : PageModel
{
    private const int TopOutlets = 10;
    private const int MaxStories = 50;

    public Entity Entity { get; private set; } = null!;
    public string? CountryName { get; private set; }
    public IReadOnlyList<IGrouping<string, string>> Aliases { get; private set; } = [];
    public IReadOnlyList<string> Descriptions { get; private set; } = [];
    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];
    public IReadOnlyList<StoryRow> Stories { get; private set; } = [];
    public IReadOnlyList<OutletRow> Outlets { get; private set; } = [];
    public int ArticleCount { get; private set; }

    public sealed record EntryRow(long Id, string Key, DateOnly Date, string Summary, int SourceCount);

    public sealed record StoryRow(long Id, string Headline, DateTimeOffset LastPublishedAt, int Articles, bool IsSample);

    public sealed record OutletRow(string Name, string Slug, OutletKind Kind, int Articles, int Mentions);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var entity = await db.Entities.AsNoTracking().Include(e => e.Aliases.Where(a => a.RemovedAt == null)).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return NotFound();
        }

        Entity = entity;
        if (entity.Kind != EntityKind.Country && entity.Country is { } code)
        {
            CountryName = await db.Entities.AsNoTracking()
                .Where(e => e.Kind == EntityKind.Country && e.Country == code).Select(e => e.Name).FirstOrDefaultAsync(ct);
        }

        var names = entity.Aliases.Where(a => !a.IsDescription && a.Name != entity.Name).Select(a => a.Name).Distinct().Order(StringComparer.CurrentCulture);
        Aliases = [.. names.GroupBy(Script).OrderBy(g => g.Key, StringComparer.Ordinal)];
        Descriptions = [.. entity.Aliases.Where(a => a.IsDescription).Select(a => a.Name).Distinct().Order(StringComparer.CurrentCulture)];

        // Overlap with a one-element array, so the GIN index on entities serves the lookup.
        var ids = new[] { id };
        Entries = await db.TimelineEntries.AsNoTracking()
            .Where(t => t.Entities.Any(e => ids.Contains(e)) && t.Sources.Any(s => s.Article.OnTopic))
            .OrderBy(t => t.Date).ThenBy(t => t.Id)
            .Select(t => new EntryRow(t.Id, t.Key, t.Date, t.Summary, t.Sources.Count(s => s.Article.OnTopic)))
            .ToListAsync(ct);
        var stories = await db.Stories.AsNoTracking()
            .Where(s => s.MergedIntoId == null && s.Articles.Any(a => a.OnTopic && a.Entities.Any(x => x.EntityId == id)))
            .Select(s => new
            {
                s.Id,
                s.Headline,
                s.LastPublishedAt,
                Articles = s.Articles.Count(a => a.OnTopic && a.Entities.Any(x => x.EntityId == id)),
                IsSample = s.Articles.Any(a => a.IsSample),
            })
            .OrderByDescending(s => s.Articles).ThenByDescending(s => s.LastPublishedAt).ThenBy(s => s.Id)
            .Take(MaxStories)
            .ToListAsync(ct);
        Stories = [.. stories.Select(s => new StoryRow(s.Id, s.Headline, s.LastPublishedAt, s.Articles, s.IsSample))];
        var mentions = db.ArticleEntities.AsNoTracking().Where(x => x.EntityId == id && x.Article.OnTopic);
        ArticleCount = await mentions.CountAsync(ct);
        Outlets = await mentions
            .GroupBy(x => new { x.Article.Outlet.Name, x.Article.Outlet.Slug, x.Article.Outlet.Kind })
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Sum(x => x.Mentions)).ThenBy(g => g.Key.Name)
            .Take(TopOutlets)
            .Select(g => new OutletRow(g.Key.Name, g.Key.Slug, g.Key.Kind, g.Count(), g.Sum(x => x.Mentions)))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The filter query that finds this entity on the timeline and in the lists.</summary>
    public string FilterQuery => Entity.Kind == EntityKind.Country && Entity.Country is { } code
        ? $"country={Uri.EscapeDataString(code)}"
        : $"actor={Uri.EscapeDataString(Entity.Id)}";

    /// <summary>The writing system of a name, by its first letter: enough to group transliterations.</summary>
    public static string Script(string name)
    {
        var c = name.FirstOrDefault(char.IsLetter);
        return c switch
        {
            >= '\u0400' and <= '\u052F' => "Cyrillic",
            >= '\u0600' and <= '\u06FF' => "Arabic",
            >= '\u3040' and <= '\u30FF' => "Japanese",
            >= '\u4E00' and <= '\u9FFF' => "Chinese",
            >= '\uAC00' and <= '\uD7AF' => "Korean",
            <= '\u024F' => "Latin",
            _ => "Other",
        };
    }
}
