using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KazakhUnrest.Web.Figures;

public static class FiguresApi
{
    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/figures", async Task<Ok<IReadOnlyList<FigureQueries.Row>>> (KazakhDbContext db, string? measure, CancellationToken ct) =>
            TypedResults.Ok((await FigureQueries.RowsAsync(db, measure, ct)).Rows))
            .CacheOutput(PageCache.Policy);
        app.MapGet("/figures.csv", CsvAsync);
        app.MapGet("/figures.jsonl", JsonLinesAsync);
        return app;
    }

    /// <summary>Every column of a figure row, as the CSV and the JSON Lines export give them.</summary>
    private static readonly Column<FigureQueries.Row>[] Columns =
    [
        new("measure", r => r.Measure), new("value", r => r.Value), new("low", r => TableExport.Number(r.Low)), new("high", r => TableExport.Number(r.High)),
        new("qualifier", r => r.Qualifier), new("vague", r => r.Vague), new("unit", r => r.Unit), new("change", r => r.Change),
        new("attributed_to", r => r.AttributedTo), new("attribution", r => r.Attribution), new("date", r => TableExport.Day(r.Date)),
        new("published_at", r => TableExport.Time(r.PublishedAt)), new("outlet", r => r.Outlet), new("outlet_kind", r => r.OutletKind.ToString()),
        new("article_id", r => TableExport.Number(r.ArticleId)), new("article_title", r => r.ArticleTitle), new("sentence", r => r.Sentence),
        new("id", r => TableExport.Number(r.Id)), new("reference_day", r => TableExport.Day(r.ReferenceDay)), new("revision_of", r => TableExport.Number(r.RevisionOf)),
        new("disagrees_with", r => string.Join(' ', r.DisagreesWith)), new("place", r => r.PlaceName), new("background", r => TableExport.Flag(r.Background)),
    ];

    // The tracker's rows need the whole collection of figures to tell revisions and disagreements, so they are computed
    // before the first is written; a figure row is small, and there are far fewer figures than articles.
    private static async Task<IResult> CsvAsync(KazakhDbContext db, string? measure, CancellationToken ct) =>
        TableExport.Csv((await FigureQueries.RowsAsync(db, measure, ct)).Rows.ToAsyncEnumerable(), Columns,
            measure is null ? "figures.csv" : $"figures-{measure}.csv");

    private static async Task<IResult> JsonLinesAsync(KazakhDbContext db, string? measure, CancellationToken ct) =>
        TableExport.JsonLines((await FigureQueries.RowsAsync(db, measure, ct)).Rows.ToAsyncEnumerable(),
            measure is null ? "figures.jsonl" : $"figures-{measure}.jsonl");
}
