using System.Text.Json;
using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>The JSON-LD objects of a page, with @graph and top-level arrays flattened, articles first.</summary>
internal sealed class JsonLd
{
    private static readonly string[] ArticleTypes = ["Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "LiveBlogPosting", "WebPage", "Report"];

    private readonly List<JsonElement> _objects;

    private JsonLd(List<JsonElement> objects) => _objects = objects;

    public static JsonLd From(IDocument document)
    {
        var objects = new List<JsonElement>();
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            objects.AddRange(Parse(script.TextContent));
        }

        objects.Sort((a, b) => Rank(a).CompareTo(Rank(b)));
        return new JsonLd(objects);
    }

    public string? FirstString(params string[] properties) =>
        _objects.SelectMany(o => properties.Select(p => StringOf(o, p))).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));

    /// <summary>The name inside an object-valued property such as author or publisher (or the plain string).</summary>
    public string? FirstName(string property) =>
        _objects.Select(o => o.TryGetProperty(property, out var value) ? NameOf(value) : null).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));

    private static IEnumerable<JsonElement> Parse(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Flatten(parsed.RootElement.Clone()).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().SelectMany(Flatten);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return element.TryGetProperty("@graph", out var graph) ? Flatten(graph).Prepend(element) : [element];
    }

    // Dates and headlines of the article itself beat those of the WebSite or an embedded video.
    private static int Rank(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return ArticleTypes.Length + 1;
        }

        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
        var ranks = names.Select(n => Array.IndexOf(ArticleTypes, n)).Where(i => i >= 0).ToList();
        return ranks.Count > 0 ? ranks.Min() : ArticleTypes.Length;
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => StringOf(value, "name"),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(NameOf).Where(n => !string.IsNullOrWhiteSpace(n))),
        _ => null,
    };
}
