using System.Globalization;
using System.Text;
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
        app.MapGet("/figures.csv", CsvAsync).CacheOutput(PageCache.Policy);
        return app;
    }

    private static async Task<FileContentHttpResult> CsvAsync(KazakhDbContext db, string? measure, CancellationToken ct)
    {
        var csv = new StringBuilder("measure,value,low,high,qualifier,vague,unit,change,attributed_to,attribution,date,published_at,outlet,outlet_kind,article_id,article_title,sentence,id,reference_day,revision_of,disagrees_with,place,background\r\n");
        foreach (var r in (await FigureQueries.RowsAsync(db, measure, ct)).Rows)
        {
            csv.AppendJoin(',', new[]
            {
                r.Measure, r.Value, Number(r.Low), Number(r.High), r.Qualifier, r.Vague, r.Unit, r.Change, r.AttributedTo, r.Attribution,
                r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PublishedAt?.ToString("O", CultureInfo.InvariantCulture),
                r.Outlet, r.OutletKind.ToString(), r.ArticleId.ToString(CultureInfo.InvariantCulture), r.ArticleTitle, r.Sentence,
                Number(r.Id), r.ReferenceDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(r.RevisionOf),
                string.Join(' ', r.DisagreesWith), r.PlaceName, r.Background ? "true" : "false",
            }.Select(Field)).Append("\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            measure is null ? "figures.csv" : $"figures-{measure}.csv");
    }

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet does not run it as a formula.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if ("=+-@".Contains(value[0]) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
