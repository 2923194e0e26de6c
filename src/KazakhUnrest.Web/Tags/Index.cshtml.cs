using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Tags;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(KazakhDbContext db) : PageModel
{
    public IReadOnlyList<TagQueries.ListItem> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tags = await TagQueries.ListAsync(db, ct);
}
