using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Timeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Timeline;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class EntryModel(KazakhDbContext db) : PageModel
{
    public TimelineQueries.Entry Entry { get; private set; } = null!;

    /// <param name="reference">The entry's key ("2022-01-05/government-resigns"), which survives timeline rebuilds, or its id.</param>
    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        var entry = await TimelineQueries.EntryAsync(db, reference, ct, withHidden: User.IsEditor());
        if (entry is null)
        {
            return NotFound();
        }

        Entry = entry;
        return Page();
    }
}
