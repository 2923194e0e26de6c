using System.Text.Json;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>JSON Feed 1.0 and 1.1 (jsonfeed.org): items with url, title, dates, id and summary.</summary>
internal static class JsonFeedReader
{
    // A JSON Feed nests four levels (feed, items, item, author or attachment); the default of 64 already bounds the
    // parser's work, this just says it.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="FeedParseException">Not JSON, or not a JSON Feed.</exception>
    public static Feed Read(string text, Uri? feedUrl)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            // The spec's version is a jsonfeed.org URL; feeds in the wild also write "1.0" or nothing, so an items
            // array is enough.
            var hasItems = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array;
            if (!hasItems && !(root.ValueKind == JsonValueKind.Object && String(root, "version") is { } version
                && version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase)))
            {
                throw new FeedParseException("JSON that is not a JSON Feed (neither a jsonfeed.org version nor an items array)");
            }

            var items = hasItems
                ? root.GetProperty("items").EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => Item(i, feedUrl)).ToList()
                : [];
            return new Feed(FeedFormat.JsonFeed, String(root, "title"), items, null, "json");
        }
        catch (JsonException ex)
        {
            throw new FeedParseException($"the JSON feed is not well-formed JSON: {ex.Message}", ex);
        }
    }

    private static FeedItem Item(JsonElement item, Uri? feedUrl) => new(
        FeedLinks.Absolute(String(item, "url") ?? String(item, "external_url"), feedUrl),
        String(item, "title"),
        TolerantDate.Parse(String(item, "date_published")),
        TolerantDate.Parse(String(item, "date_modified")),
        String(item, "id") ?? (item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null),
        String(item, "summary") ?? String(item, "content_text"));

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()?.Trim() is { Length: > 0 } text
            ? text
            : null;
}
