using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Timeline;

/// <summary>An editor hides a wrong machine-made entry from readers, or shows it again.</summary>
[Authorize(Policy = AccountPolicies.Editor)]
public sealed class HideModel(KazakhDbContext db, IOutputCacheStore cache) : PageModel
{
    public TimelineQueries.Entry Entry { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct) => await LoadAsync(key, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostHideAsync(string key, CancellationToken ct) =>
        RunAsync(key, a => TimelineEditing.HideAsync(db, a.AccountId, a.Email, key, Reason, ct), ct);

    public Task<IActionResult> OnPostUnhideAsync(string key, CancellationToken ct) =>
        RunAsync(key, a => TimelineEditing.UnhideAsync(db, a.AccountId, a.Email, key, Reason, ct), ct);

    private async Task<IActionResult> RunAsync(string key, Func<Actor, Task> edit, CancellationToken ct)
    {
        try
        {
            await edit(Actor.Of(User));
            await PageCache.EvictAsync(cache, ct);
            return Redirect($"/timeline/entries/{key}");
        }
        catch (EditRefusedException e)
        {
            if (!await LoadAsync(key, ct))
            {
                return NotFound();
            }

            // The page shows the entry as it is now (hidden or not), so the editor sees what the other editor did.
            Refused = e.Message;
            Response.StatusCode = e.Refusal == EditRefusal.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        if (await TimelineQueries.EntryAsync(db, key, ct, withHidden: true) is not { } entry || entry.Key != key)
        {
            return false;
        }

        Entry = entry;
        return true;
    }
}
