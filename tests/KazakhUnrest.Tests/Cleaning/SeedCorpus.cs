using System.Text.Json;
using KazakhUnrest.Core.Cleaning;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Cleaning;

/// <summary>One hand-annotated segment of a seed capture, with the page the cleaner made of its file.</summary>
public sealed record GoldSegment(string Id, JsonElement Gold, int CountInDocument, ExtractedPage Page, int Index)
{
    public ExtractedArticle Article => Page.Articles[Index];

    public string? Text(string property) =>
        Gold.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IReadOnlyList<string> Strings(string property) =>
        Gold.TryGetProperty(property, out var value) ? value.EnumerateArray().Select(item => item.GetString()!).ToList() : [];

    public override string ToString() => Id;
}

/// <summary>
/// The seed captures and their annotation live outside the repository (other people's writing); they
/// are read at run time from ../shared/corpus next to the folder holding the solution.
/// </summary>
public static class SeedCorpus
{
    private static readonly Lazy<IReadOnlyList<GoldSegment>> Loaded = new(Load);

    public static IReadOnlyList<GoldSegment> Segments => Loaded.Value;

    public static GoldSegment Segment(string id) => Segments.Single(segment => segment.Id == id);

    public static TheoryData<string> SegmentIds() => new(Segments.Select(segment => segment.Id));

    /// <summary>A top-level list of the annotation ("figures", "framing", "events"), each item detached from the parsed file.</summary>
    public static List<JsonElement> GoldList(string section)
    {
        var path = Path.Combine(SolutionFolder(), "..", "shared", "corpus", "seeds.gold.json");
        using var gold = JsonDocument.Parse(File.ReadAllText(path));
        return gold.RootElement.GetProperty(section).EnumerateArray().Select(item => item.Clone()).ToList();
    }

    public static TheoryData<string> Documents() => new(Segments.Select(segment => segment.Id[..3]).Distinct());

    private static List<GoldSegment> Load()
    {
        var corpus = Path.Combine(SolutionFolder(), "..", "shared", "corpus");
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "seeds.gold.json")));
        var segments = new List<GoldSegment>();
        foreach (var document in gold.RootElement.GetProperty("documents").EnumerateArray())
        {
            var text = File.ReadAllText(Path.Combine(corpus, "seeds", document.GetProperty("file").GetString()!));
            var page = TextCaptureCleaner.Clean(text);
            var annotated = document.GetProperty("segments").EnumerateArray().Select(segment => segment.Clone()).ToList();
            segments.AddRange(annotated.Select((segment, i) =>
                new GoldSegment(segment.GetProperty("id").GetString()!, segment, annotated.Count, page, i)));
        }
        return segments;
    }

    public static string SolutionFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KazakhUnrest.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("No folder holding KazakhUnrest.sln above " + AppContext.BaseDirectory);
    }
}
