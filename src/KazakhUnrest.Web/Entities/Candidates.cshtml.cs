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

/// <summary>Names the entities step found and nobody knows yet: an editor makes one an entity (or a name of one) or ignores it.</summary>
[Authorize(Policy = AccountPolicies.Editor)]
public sealed class CandidatesModel(KazakhDbContext db, IOutputCacheStore cache) : PageModel
{
    // The most mentioned first; the rest wait for the next look.
    private const int Shown = 200;

    [BindProperty]
    public string? As { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<EntityCandidate> Open { get; private set; } = [];

    public string? Refused { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostPromoteAsync(long id, CancellationToken ct) =>
        RunAsync(async a =>
        {
            var state = await EntityEditing.PromoteAsync(db, a.AccountId, a.Email, id, As, EntitiesEditingApi.ParseKind(Kind), Reason, ct);
            return $"“{state.Name}” is now {state.EntityId}";
        }, ct);

    public Task<IActionResult> OnPostIgnoreAsync(long id, CancellationToken ct) =>
        RunAsync(async a => $"“{(await EntityEditing.IgnoreAsync(db, a.AccountId, a.Email, id, Reason, ct)).Name}” is ignored", ct);

    private async Task<IActionResult> RunAsync(Func<Actor, Task<string>> edit, CancellationToken ct)
    {
        try
        {
            Done = await edit(Actor.Of(User));
            await PageCache.EvictAsync(cache, ct);
        }
        catch (EditRefusedException e)
        {
            Refused = e.Current is CandidateState now ? $"{e.Message} (now {now.Status.ToString().ToLowerInvariant()}{(now.EntityId is null ? "" : " as " + now.EntityId)})" : e.Message;
            Response.StatusCode = e.Refusal switch
            {
                EditRefusal.NotFound => StatusCodes.Status404NotFound,
                EditRefusal.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Open = await db.EntityCandidates.AsNoTracking().Where(c => c.Status == CandidateStatus.Open)
            .OrderByDescending(c => c.Mentions).ThenBy(c => c.Id).Take(Shown).ToListAsync(ct);
}
