using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Audit;

/// <summary>The audit log as JSON, with /audit's filters and paging; for an editor's API token only, as /audit is for editors.</summary>
public static class AuditApi
{
    public sealed record AuditPage(int Total, int Page, int PageCount, IReadOnlyList<AuditQueries.Entry> Entries);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync).RequireApiEditor();
        return app;
    }

    private static async Task<Ok<AuditPage>> ListAsync(KazakhDbContext db, IOptions<SiteOptions> options, int? page, int? pageSize, string? person, string? kind,
        string? type, string? @object, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var filter = AuditQueries.Filter.Of(person, kind, type, @object, from, to);
        var result = await AuditQueries.PageAsync(db, filter, page, pageSize ?? options.Value.PageSize, ct);
        return TypedResults.Ok(new AuditPage(result.Total, result.PageNumber, result.PageCount, result.Entries));
    }
}
