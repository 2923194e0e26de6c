using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Stories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KazakhUnrest.Web.Pages.Stories;

public sealed class DetailsModel(KazakhDbContext db) : PageModel
{
    public StoryQueries.Detail Story { get; private set; } = null!;

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
        return Page();
    }

    public static string When(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm") + " UTC" : "not stated";
}
