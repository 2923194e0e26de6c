using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Tests.Cleaning;

namespace KazakhUnrest.Tests.Relevance;

/// <summary>The project's own sample capture (samples/capture), extracted the way the scraper extracts a fetched page.</summary>
public static class SampleCapture
{
    private static readonly Lazy<IReadOnlyDictionary<string, ExtractedPage>> Loaded = new(Load);

    public static ExtractedPage Page(string file) => Loaded.Value[file];

    public static IEnumerable<string> Names => Loaded.Value.Keys.Order(StringComparer.Ordinal);

    public static TheoryData<string> Files() => new(Names);

    private static Dictionary<string, ExtractedPage> Load()
    {
        var folder = Path.Combine(SeedCorpus.SolutionFolder(), "samples", "capture");
        return Directory.GetFiles(folder, "*.html").ToDictionary(path => Path.GetFileName(path), Extract);
    }

    private static ExtractedPage Extract(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return HtmlExtractor.Extract(CharsetDetector.Detect(bytes, null).Decode(bytes));
    }
}
