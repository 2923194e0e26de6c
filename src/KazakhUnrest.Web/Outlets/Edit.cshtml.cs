using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Outlets;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Outlets;

/// <summary>An editor describes an outlet: kind, country, language and a description that later imports keep.</summary>
[Authorize(Policy = AccountPolicies.Editor)]
public sealed class EditModel(KazakhDbContext db, IOutputCacheStore cache) : PageModel
{
    [BindProperty]
    public OutletKind Kind { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public uint Version { get; set; }

    public OutletState Outlet { get; private set; } = null!;

    public string? Refused { get; private set; }

    /// <summary>After a conflict: the outlet as another editor left it, now in the form.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await OutletEditing.StateAsync(db, slug, ct) is not { } outlet)
        {
            return NotFound();
        }

        Fill(outlet);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var actor = Actor.Of(User);
        try
        {
            if (!ModelState.IsValid)
            {
                throw EditRefusedException.Invalid("the kind is not one of the outlet kinds");
            }

            await OutletEditing.DescribeAsync(db, actor.AccountId, actor.Email, slug, Version,
                new OutletDescription(Kind, Country, Language, Description), Reason, ct);
            await PageCache.EvictAsync(cache, ct);
            return Redirect($"/outlets/{Uri.EscapeDataString(slug)}");
        }
        catch (EditRefusedException e)
        {
            if (await OutletEditing.StateAsync(db, slug, ct) is not { } now)
            {
                return NotFound();
            }

            Refused = e.Message;
            Outlet = now;
            if (e.Refusal == EditRefusal.Conflict)
            {
                // The other editor's description goes into the form: nothing of theirs is lost unless this editor saves again.
                Conflict = true;
                ModelState.Clear();
                Fill(now);
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            else
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }
    }

    private void Fill(OutletState outlet)
    {
        Outlet = outlet;
        (Kind, Country, Language, Description, Version) = (outlet.Kind, outlet.Country, outlet.Language, outlet.Description, outlet.Version);
    }
}
