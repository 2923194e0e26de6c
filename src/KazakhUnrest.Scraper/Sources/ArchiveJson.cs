using System.Text.Json;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// The shared shape of archive API answers: an empty body means no results, text that is not JSON is
/// the service's error message, and anything else must parse.
/// </summary>
internal static class ArchiveJson
{
    /// <exception cref="ArchiveFormatException">Plain-text error or invalid JSON.</exception>
    public static IReadOnlyList<T> Parse<T>(string body, string service, char opening, Func<JsonElement, IReadOnlyList<T>> read)
    {
        var trimmed = body.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        if (trimmed[0] != opening)
        {
            throw new ArchiveFormatException($"{service} answered with text instead of JSON: \"{Shorten(trimmed)}\"");
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            return read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new ArchiveFormatException($"{service} answered with invalid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The start of an unexpected answer, short enough for an error message and the status page.</summary>
    public static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
