using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Tags;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(KazakhDbContext db, IOptions<SiteOptions> options) : PageModel
{
    public TagQueries.Detail Tag { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int? p, CancellationToken ct)
    {
        var tag = await TagQueries.GetAsync(db, slug, p ?? 1, options.Value.PageSize, ct);
        if (tag is null)
        {
            return NotFound();
        }

        Tag = tag;
        return Page();
    }
}
