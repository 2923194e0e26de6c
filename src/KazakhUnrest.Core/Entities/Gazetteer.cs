using System.Text.Json;
using System.Text.Json.Serialization;

namespace KazakhUnrest.Core.Entities;

/// <summary>The seed entities shipped with the code (gazetteer.json, an embedded resource).</summary>
public static class Gazetteer
{
    private static readonly Lazy<SeedFile> Loaded = new(Load);

    public static IReadOnlyList<GazetteerEntry> Entries => Loaded.Value.Entities;

    /// <summary>Phrases that contain an entity's name but do not refer to it ("Latin America", "New Jersey").</summary>
    public static IReadOnlyList<string> NotMentions => Loaded.Value.NotMentions;

    public static GazetteerEntry? Country(string iso) =>
        Entries.FirstOrDefault(entry => entry.Kind == EntityKind.Country && string.Equals(entry.Iso, iso, StringComparison.OrdinalIgnoreCase));

    private static SeedFile Load()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("KazakhUnrest.Core.Entities.gazetteer.json")
            ?? throw new InvalidOperationException("gazetteer.json is not embedded in KazakhUnrest.Core");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        return JsonSerializer.Deserialize<SeedFile>(stream, options)
            ?? throw new InvalidOperationException("gazetteer.json is empty");
    }

    private sealed record SeedFile(IReadOnlyList<GazetteerEntry> Entities, IReadOnlyList<string> NotMentions);
}
