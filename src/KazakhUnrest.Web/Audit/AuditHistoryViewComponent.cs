using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KazakhUnrest.Web.Audit;

/// <summary>
/// An object's own history, placed on its page with one line:
/// <c>@await Component.InvokeAsync("AuditHistory", new { objectType = AuditObjects.Story, objectId = ... })</c>.
/// Shown to editors and admins only, as <c>/audit</c> is; for a reader it renders nothing, so a page the cache keeps
/// for readers never holds it (and an editor's page is never cached).
/// </summary>
public sealed class AuditHistoryViewComponent(KazakhDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public sealed record History(string ObjectType, string ObjectId, IReadOnlyList<AuditQueries.Entry> Entries)
    {
        public string AuditLink => $"/audit?type={Uri.EscapeDataString(ObjectType)}&object={Uri.EscapeDataString(ObjectId)}";
    }

    public async Task<IViewComponentResult> InvokeAsync(string objectType, string objectId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, AccountPolicies.Editor)).Succeeded)
        {
            return Content("");
        }

        var entries = await AuditQueries.HistoryAsync(db, objectType, objectId, HttpContext.RequestAborted);
        return View("/Audit/_History.cshtml", new History(objectType, objectId, entries));
    }
}
