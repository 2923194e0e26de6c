using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Entities;
using KazakhUnrest.Web.Stories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Pages.Stories;

public sealed class DetailsModel(KazakhDbContext db) : PageModel
{
    private const int MaxEntities = 30;

    public StoryQueries.Detail Story { get; private set; } = null!;
    public EntityFilters.EntityLinks Entities { get; private set; } = new([], "");

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var final = await StoryMerges.FinalAsync(db, id, ct);
        if (final != id)
        {
            return RedirectPermanent($"/stories/{final}");
        }

        var story = await StoryQueries.GetAsync(db, id, ct);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        var entities = await db.ArticleEntities.AsNoTracking()
            .Where(x => x.Article.StoryId == id && x.Article.OnTopic)
            .GroupBy(x => new { x.EntityId, x.Entity.Name, x.Entity.Kind })
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Sum(x => x.Mentions)).ThenBy(g => g.Key.Name)
            .Take(MaxEntities)
            .Select(g => new EntityFilters.EntityLink(g.Key.EntityId, g.Key.Name, g.Key.Kind, g.Count()))
            .ToListAsync(ct);
        Entities = new(entities, "articles");
        return Page();
    }

    public static string When(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm") + " UTC" : "not stated";
}
