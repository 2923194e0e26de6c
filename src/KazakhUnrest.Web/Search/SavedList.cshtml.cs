using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Search;

/// <summary>The signed-in reader's saved searches, each with its matches new since it was last opened.</summary>
[Authorize]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SavedListModel(KazakhDbContext db, SearchNames names) : PageModel
{
    public sealed record Row(SavedSearch Saved, SavedSearches.Saved Search, int NewMatches);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var owner = Actor.Of(User).AccountId;
        var saved = await db.SavedSearches.AsNoTracking().Where(s => s.OwnerId == owner)
            .OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        var rows = new List<Row>(saved.Count);
        foreach (var s in saved)
        {
            rows.Add(new Row(s, SavedSearches.Parse(s.Query), await SavedSearches.NewMatchesAsync(db, names, s, ct)));
        }

        Rows = rows;
    }
}
