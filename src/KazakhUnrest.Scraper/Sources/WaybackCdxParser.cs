using System.Globalization;
using System.Text.Json;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Reads the CDX server's output=json: an array of arrays whose first row names the columns. Columns are
/// looked up by that header rather than position, so a different fl= still reads right.
/// </summary>
public static class WaybackCdxParser
{
    /// <exception cref="ArchiveFormatException">Plain-text error, invalid JSON, or no header row.</exception>
    public static IReadOnlyList<WaybackSnapshot> Parse(string body) =>
        ArchiveJson.Parse(body, "the CDX server", '[', root =>
        {
            var rows = root.EnumerateArray().Select(Row).ToList();
            return rows.Count == 0 ? [] : Snapshots(rows[0], rows.Skip(1));
        });

    private static List<WaybackSnapshot> Snapshots(string?[] header, IEnumerable<string?[]> rows)
    {
        var column = header.Select((name, index) => (name, index)).Where(c => c.name is not null).ToDictionary(c => c.name!, c => c.index);
        if (!column.ContainsKey("timestamp") || !column.ContainsKey("original"))
        {
            throw new ArchiveFormatException($"the CDX answer has no timestamp/original header row: [{string.Join(",", header)}]");
        }

        string? Cell(string?[] row, string name) => column.TryGetValue(name, out var i) && i < row.Length ? row[i] : null;

        return rows
            .Select(row => (row, original: FeedLinks.Absolute(Cell(row, "original"), null), timestamp: Cell(row, "timestamp")))
            .Where(r => r.original is not null && r.timestamp is { Length: 14 })
            .Select(r => new WaybackSnapshot(Cell(r.row, "urlkey") ?? "", r.timestamp!, r.original!, Cell(r.row, "mimetype"),
                Number(Cell(r.row, "statuscode")) is { } status ? (int)status : null, Cell(r.row, "digest"), Number(Cell(r.row, "length"))))
            .ToList();
    }

    private static string?[] Row(JsonElement row) => row.EnumerateArray().Select(cell => cell.ValueKind == JsonValueKind.String ? cell.GetString() : cell.ToString()).ToArray();

    private static long? Number(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
