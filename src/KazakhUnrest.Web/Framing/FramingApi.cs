using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KazakhUnrest.Web.Framing;

public static class FramingApi
{
    public static IEndpointRouteBuilder MapFramingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/framing", async Task<Ok<FramingQueries.Summary>> (KazakhDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await FramingQueries.SummaryAsync(db, ct)))
            .CacheOutput(PageCache.Policy);
        return app;
    }
}
