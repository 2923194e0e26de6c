using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Audit;

/// <summary>
/// The audit log, newest first. Editors and admins only: each entry names the account that made the change (its
/// e-mail) and the editor's reason, which are the newsroom's, not the readers'. Never in the page cache (a signed-in
/// request is neither served from nor stored in it).
/// </summary>
[Authorize(Policy = AccountPolicies.Editor)]
public sealed class IndexModel(KazakhDbContext db, IOptions<SiteOptions> options) : PageModel
{
    public AuditQueries.Filter Filter { get; private set; } = AuditQueries.Filter.Of(null, null, null, null, null, null);
    public AuditQueries.Page Entries { get; private set; } = new([], 0, 1, 1);
    public IReadOnlyList<string> People { get; private set; } = [];
    public IReadOnlyList<string> Kinds { get; private set; } = [];

    public async Task OnGetAsync(int? p, string? person, string? kind, string? type, string? @object, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        Filter = AuditQueries.Filter.Of(person, kind, type, @object, from, to);
        (People, Kinds) = await AuditQueries.ChoicesAsync(db, ct);
        Entries = await AuditQueries.PageAsync(db, Filter, p, options.Value.PageSize, ct);
    }
}
