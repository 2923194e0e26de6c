using System.Text.Encodings.Web;
using System.Text.Json;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>Writes articles.jsonl: one JSON object per article, in publication order.</summary>
public static class JsonlOutput
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(GeneratedCorpus corpus, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        foreach (var article in corpus.Articles)
        {
            WriteArticle(json, article);
            json.Flush();
            json.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    private static void WriteArticle(Utf8JsonWriter json, GeneratedArticle article)
    {
        json.WriteStartObject();
        json.WriteString("id", article.Id);
        json.WriteString("outlet", article.Outlet.Slug);
        json.WriteString("outlet_name", article.Outlet.Name);
        json.WriteString("outlet_kind", article.Outlet.Kind);
        json.WriteString("outlet_country", article.Outlet.Country);
        json.WriteString("url", article.Url);
        json.WriteString("title", article.Title);
        json.WriteString("published", article.Published.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("language", "en");
        json.WriteStartArray("paragraphs");
        foreach (var paragraph in article.Paragraphs)
        {
            json.WriteStringValue(paragraph);
        }

        json.WriteEndArray();
        WriteNullable(json, "story", article.Story);
        json.WriteBoolean("on_topic", article.OnTopic);
        WriteNullable(json, "duplicate_of", article.Original?.Id);
        WriteNullable(json, "copy_kind", article.CopyKind);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
