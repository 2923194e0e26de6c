using System.Globalization;
using System.Text.Json;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>Reads GDELT DOC 2.0 ArtList JSON; an empty body or {} is GDELT's way of saying "no results".</summary>
public static class GdeltResponseParser
{
    /// <exception cref="ArchiveFormatException">Plain-text error or invalid JSON.</exception>
    public static IReadOnlyList<GdeltArticle> Parse(string body) =>
        ArchiveJson.Parse(body, "GDELT", '{', root =>
            root.TryGetProperty("articles", out var articles) && articles.ValueKind == JsonValueKind.Array
                ? articles.EnumerateArray().Select(Article).OfType<GdeltArticle>().ToList()
                : []);

    private static GdeltArticle? Article(JsonElement article)
    {
        if (article.ValueKind != JsonValueKind.Object || FeedLinks.Absolute(String(article, "url"), null) is not { } url)
        {
            return null;
        }

        return new GdeltArticle(url,
            FeedLinks.Absolute(String(article, "url_mobile"), null),
            String(article, "title"),
            SeenDate(String(article, "seendate")),
            FeedLinks.Absolute(String(article, "socialimage"), null),
            String(article, "domain"),
            String(article, "language"),
            String(article, "sourcecountry"));
    }

    private static DateTimeOffset? SeenDate(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var seen)
            ? seen
            : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
