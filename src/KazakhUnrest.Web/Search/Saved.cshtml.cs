using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Search;

/// <summary>
/// A saved search at its private address: its results, how many are new since it was last opened, its feed. Opening
/// it is a visit (the new count starts again from now), so the page is never cached anywhere. Whoever holds the
/// address may rename or delete the search: the address is the key, for its owner as for someone not signed in.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SavedModel(KazakhDbContext db, SearchNames names, TimeProvider clock, IOptions<SiteOptions> site) : PageModel
{
    public SavedSearch Saved { get; private set; } = null!;

    public SavedSearches.Saved Search { get; private set; } = SavedSearches.From(null, null, null, null);

    public SearchQueries.Found Found { get; private set; } = null!;

    /// <summary>Matches first seen after the previous visit.</summary>
    public int NewMatches { get; private set; }

    public DateTimeOffset PreviousVisit { get; private set; }

    [BindProperty, StringLength(SavedSearchLimits.Name), Display(Name = "New name")]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await SavedSearches.FindAsync(db, token, ct) is not { } saved)
        {
            return NotFound();
        }

        await ShowAsync(saved, ct);
        saved.LastVisitedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(string token, CancellationToken ct)
    {
        if (await SavedSearches.FindAsync(db, token, ct) is not { } saved)
        {
            return NotFound();
        }

        Name = Name?.Trim() ?? "";
        if (Name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Give the search a name.");
        }

        if (!ModelState.IsValid)
        {
            // Shown again without counting as a visit: the reader has not seen the new matches yet.
            await ShowAsync(saved, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        saved.Name = Name;
        await db.SaveChangesAsync(ct);
        return Redirect(SavedSearches.PrivatePrefix + saved.Token);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string token, CancellationToken ct)
    {
        if (await SavedSearches.FindAsync(db, token, ct) is not { } saved)
        {
            return NotFound();
        }

        db.SavedSearches.Remove(saved);
        await db.SaveChangesAsync(ct);
        return Redirect(User.Identity?.IsAuthenticated == true ? "/search/saved" : SavedSearches.SearchLink(saved));
    }

    private async Task ShowAsync(SavedSearch saved, CancellationToken ct)
    {
        // The address is the secret: links from this page must not carry it, even to this site's other pages.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
        Saved = saved;
        Search = SavedSearches.Parse(saved.Query);
        PreviousVisit = saved.LastVisitedAt;
        NewMatches = await SavedSearches.NewMatchesAsync(db, names, saved, ct);
        Found = await SearchQueries.SearchAsync(db, names, Search.Query,
            new SearchQueries.Options(Search.Topic, Search.Sort, Search.View, 1, site.Value.PageSize), ct);
    }
}
