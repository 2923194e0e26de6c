using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Timeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KazakhUnrest.Web.Pages.Timeline;

public sealed class EntryModel(KazakhDbContext db) : PageModel
{
    public TimelineQueries.Entry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var entry = await TimelineQueries.EntryAsync(db, id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        Entry = entry;
        return Page();
    }
}
