using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KazakhUnrest.Web.Stories;

/// <summary>Corrections of relevance and clustering (the editors' pages come later; these need the editor key).</summary>
public static class EditingApi
{
    public sealed record RelevanceRequest(bool? OnTopic);

    public sealed record MergeRequest(long Into, string? Note);

    public sealed record SplitRequest(IReadOnlyList<long> ArticleIds, string? Note);

    public static IEndpointRouteBuilder MapEditingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<EditorKeyFilter>();
        api.MapPost("/articles/{id:long}/relevance", SetRelevanceAsync);
        api.MapPost("/stories/{id:long}/merge", MergeAsync);
        api.MapPost("/stories/{id:long}/split", SplitAsync);
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetRelevanceAsync(KazakhDbContext db, long id, RelevanceRequest request, CancellationToken ct) =>
        await Run(async () => await StoryEditing.SetRelevanceAsync(db, id, request.OnTopic, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> MergeAsync(KazakhDbContext db, long id, MergeRequest request, CancellationToken ct) =>
        await Run(async () => await StoryEditing.MergeAsync(db, id, request.Into, "api", request.Note, ct));

    private static async Task<Results<Created<SplitResult>, ProblemHttpResult>> SplitAsync(KazakhDbContext db, long id, SplitRequest request, CancellationToken ct)
    {
        try
        {
            var newId = await StoryEditing.SplitAsync(db, id, request.ArticleIds, "api", request.Note, ct);
            return TypedResults.Created($"/api/stories/{newId}", new SplitResult(newId));
        }
        catch (StoryEditException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    public sealed record SplitResult(long StoryId);

    private static async Task<Results<NoContent, ProblemHttpResult>> Run(Func<Task> edit)
    {
        try
        {
            await edit();
            return TypedResults.NoContent();
        }
        catch (StoryEditException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
