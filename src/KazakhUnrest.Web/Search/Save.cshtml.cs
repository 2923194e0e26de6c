using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KazakhUnrest.Web.Search;

/// <summary>
/// Saves a search under a name and sends the saver to its private address. The search page posts here directly for
/// a signed-in reader (whose pages are never cached); a reader not signed in may get the search page from the page
/// cache, which cannot hold a per-person antiforgery token, so their "Save" comes here by GET and is confirmed.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SaveModel(KazakhDbContext db, TimeProvider clock, IDataProtectionProvider protection) : PageModel
{
    [BindProperty(SupportsGet = true), StringLength(SavedSearchLimits.Name), Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    /// <summary>The sealed token this form proposes, so that sending it twice saves once.</summary>
    [BindProperty]
    public string? Proposal { get; set; }

    public SavedSearches.Saved Search { get; private set; } = SavedSearches.From(null, null, null, null);

    public string? Refusal { get; private set; }

    public void OnGet()
    {
        ModelState.Clear();
        Search = SavedSearches.From(Q, Topic, Sort, View);
        Refusal = SavedSearches.Refusal(Search);
        var name = string.IsNullOrWhiteSpace(Name) ? Search.Query.Text : Name.Trim();
        Name = name.Length > SavedSearchLimits.Name ? name[..SavedSearchLimits.Name] : name;
        Proposal = SavedSearches.ProposeToken(protection).Sealed;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Search = SavedSearches.From(Q, Topic, Sort, View);
        Refusal = SavedSearches.Refusal(Search);
        Name = Name?.Trim() ?? "";
        if (Name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Give the search a name.");
        }

        if (!ModelState.IsValid || Refusal is not null)
        {
            Proposal = SavedSearches.ProposeToken(protection).Sealed;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var saved = await SavedSearches.SaveAsync(db, clock, Actor.From(User)?.AccountId, Name, Search,
            SavedSearches.ProposedToken(protection, Proposal), ct);
        return Redirect(SavedSearches.PrivatePrefix + saved.Token);
    }
}
