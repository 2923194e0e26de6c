using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Entities;

/// <summary>An editor adds a name to an entity or removes one (the gazetteer's too); `events rerun` applies it to stored articles.</summary>
[Authorize(Policy = AccountPolicies.Editor)]
public sealed class AliasesModel(KazakhDbContext db, IOutputCacheStore cache) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool IsDescription { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string EntityName { get; private set; } = "";

    public AliasesState Aliases { get; private set; } = null!;

    public string? Refused { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(string id, CancellationToken ct) =>
        RunAsync(id, a => EntityEditing.AddAliasAsync(db, a.AccountId, a.Email, id, Name, IsDescription, Reason, ct), $"Added “{Name?.Trim()}”", ct);

    public Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken ct) =>
        RunAsync(id, a => EntityEditing.RemoveAliasAsync(db, a.AccountId, a.Email, id, Name, Reason, ct), $"Removed “{Name?.Trim()}”", ct);

    private async Task<IActionResult> RunAsync(string id, Func<Actor, Task> edit, string done, CancellationToken ct)
    {
        try
        {
            await edit(Actor.Of(User));
            await PageCache.EvictAsync(cache, ct);
            Done = done + ". Run `events rerun` (or wait for the next reprocess) to apply it to stored articles.";
        }
        catch (EditRefusedException e)
        {
            Refused = e.Message;
            Response.StatusCode = e.Refusal switch
            {
                EditRefusal.NotFound => StatusCodes.Status404NotFound,
                EditRefusal.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
        }

        // The names as they are now, whoever changed them.
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await EntityEditing.AliasesAsync(db, id, ct) is not { } aliases)
        {
            return false;
        }

        Aliases = aliases;
        EntityName = await db.Entities.Where(e => e.Id == id).Select(e => e.Name).SingleAsync(ct);
        return true;
    }
}
