using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace KazakhUnrest.Web.Shared;

/// <summary>One column of a CSV export: its header and how a row gives its value (null for an empty field).</summary>
public sealed record Column<T>(string Name, Func<T, string?> Value);

/// <summary>
/// Downloads of a list as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read the Cyrillic right) or JSON
/// Lines (one JSON object per line, the API's own serialization), written row by row as the database sends them: an export
/// of the whole collection holds one row in memory, not the collection. Usage from an endpoint:
/// <code>
/// return TableExport.Csv(query.AsAsyncEnumerable(), Columns, "articles.csv");
/// return TableExport.JsonLines(query.AsAsyncEnumerable(), "articles.jsonl");
/// </code>
/// A CSV field a spreadsheet would run as a formula is defused (see <see cref="Field"/>).
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>JSON Lines has no registered media type; jsonlines.org gives this one.</summary>
    public const string JsonLinesType = "application/jsonl; charset=utf-8";

    // A row is written to this buffer and the buffer to the client when full: a few dozen rows per network write.
    private const int BufferSize = 64 * 1024;

    public static IResult Csv<T>(IAsyncEnumerable<T> rows, IReadOnlyList<Column<T>> columns, string fileName) =>
        new Streamed(CsvType, fileName, async (writer, _, ct) =>
        {
            await writer.WriteAsync(string.Join(',', columns.Select(c => Field(c.Name))) + "\r\n");
            await foreach (var row in rows.WithCancellation(ct))
            {
                await writer.WriteAsync(string.Join(',', columns.Select(c => Field(c.Value(row)))) + "\r\n");
            }
        }, withBom: true);

    public static IResult JsonLines<T>(IAsyncEnumerable<T> rows, string fileName) =>
        new Streamed(JsonLinesType, fileName, async (writer, options, ct) =>
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                await writer.WriteAsync(JsonSerializer.Serialize(row, options) + "\n");
            }
        }, withBom: false);

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ that is not a number is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    public static string Field(string? value)
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

    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "true" : "false";

    private sealed class Streamed(string contentType, string fileName, Func<StreamWriter, JsonSerializerOptions, CancellationToken, Task> write, bool withBom)
        : IResult, IContentTypeHttpResult
    {
        public string ContentType => contentType;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = contentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            // Built from the database at the moment of the request; a shared cache must not hand an old one around.
            response.Headers.CacheControl = "no-store";
            var options = httpContext.RequestServices.GetService<IOptions<HttpJsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(withBom), BufferSize);
            await write(writer, options, httpContext.RequestAborted);
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}
