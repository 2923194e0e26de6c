using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Web.Framing;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Framing;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class UsesModel(KazakhDbContext db) : PageModel
{
    public FramingTerm Term { get; private set; } = null!;
    public FramingVoice? Voice { get; private set; }
    public string? Outlet { get; private set; }
    public OutletKind? Kind { get; private set; }
    public string? Speaker { get; private set; }
    public IReadOnlyList<FramingQueries.Use> Uses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string term, FramingVoice? voice, string? outlet, OutletKind? kind, string? speaker, CancellationToken ct)
    {
        if (FramingTerms.ByKey(term) is not { } known)
        {
            return NotFound();
        }

        (Term, Voice, Outlet, Kind, Speaker) = (known, voice, outlet, kind, speaker);
        Uses = await FramingQueries.UsesAsync(db, term, voice, outlet, kind, speaker, ct);
        return Page();
    }

}
