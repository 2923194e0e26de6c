using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Accounts;

/// <summary>
/// One's own API tokens: create (the token is shown on this response only), list, revoke. A token acts with its
/// owner's role at the time of each request, so a demoted or disabled owner's tokens lose their rights with them.
/// </summary>
[Authorize]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TokensModel(KazakhDbContext db, TimeProvider clock, ILogger<TokensModel> logger) : PageModel
{
    [BindProperty, Required, StringLength(100), Display(Name = "Name")]
    public string Name { get; set; } = "";

    /// <summary>The token just made, shown once.</summary>
    public string? NewToken { get; private set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var actor = Actor.Of(User);
        var (text, row) = ApiTokenAuthentication.Issue(actor.AccountId, Name.Trim(), clock.GetUtcNow());
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync();
        logger.LogInformation("API token {TokenPrefix} created by {Email}", row.Prefix, actor.Email);
        NewToken = text;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        var actor = Actor.Of(User);
        // Only one's own tokens: the account id is part of the condition, not just the token id from the form.
        var revoked = await db.ApiTokens.Where(t => t.Id == id && t.AccountId == actor.AccountId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, clock.GetUtcNow()));
        if (revoked == 0)
        {
            return NotFound();
        }

        logger.LogInformation("API token {TokenId} revoked by {Email}", id, actor.Email);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var accountId = Actor.Of(User).AccountId;
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == accountId)
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt).ToListAsync();
    }
}
