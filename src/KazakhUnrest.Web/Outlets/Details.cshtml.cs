using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Outlets;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Outlets;

/// <summary>One outlet: who it is, as described by the outlets file or an editor, and how much of its coverage is stored.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(KazakhDbContext db) : PageModel
{
    public OutletState Outlet { get; private set; } = null!;
    public string? Homepage { get; private set; }
    public int OnTopicArticles { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await OutletEditing.StateAsync(db, slug, ct) is not { } outlet)
        {
            return NotFound();
        }

        Outlet = outlet;
        Homepage = await db.Outlets.AsNoTracking().Where(o => o.Slug == slug).Select(o => o.Homepage).SingleAsync(ct);
        OnTopicArticles = await db.Articles.CountAsync(a => a.Outlet.Slug == slug && a.OnTopic, ct);
        return Page();
    }
}
