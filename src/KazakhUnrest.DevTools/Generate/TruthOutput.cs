using System.Text.Json;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>Writes truth.json: story label to member ids, duplicate groups (original and its copies), off-topic ids.</summary>
public static class TruthOutput
{
    public static void Write(GeneratedCorpus corpus, int seed, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, JsonlOutput.Options with { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("seed", seed);
        json.WriteNumber("articles", corpus.Articles.Count);
        json.WriteStartObject("stories");
        foreach (var story in corpus.Articles.Where(a => a.Story is not null).GroupBy(a => a.Story!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            WriteIds(json, story.Key, story);
        }

        json.WriteEndObject();
        json.WriteStartArray("duplicate_groups");
        foreach (var group in corpus.Articles.Where(a => a.Original is not null).GroupBy(a => a.Original!).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("original", group.Key.Id);
            WriteIds(json, "copies", group);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteIds(json, "off_topic", corpus.Articles.Where(a => !a.OnTopic));
        json.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter json, string name, IEnumerable<GeneratedArticle> articles)
    {
        json.WriteStartArray(name);
        foreach (var article in articles)
        {
            json.WriteStringValue(article.Id);
        }

        json.WriteEndArray();
    }
}
