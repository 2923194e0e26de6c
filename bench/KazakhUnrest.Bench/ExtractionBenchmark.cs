using System.Diagnostics;
using System.Text.Json;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Bench;

public sealed record PageResult(string File, int KeepFound, int KeepMissed, int DropFound, bool? DateRight, IReadOnlyList<string> Problems);

public sealed record ExtractionScore(int Pages, int TruePositives, int FalseNegatives, int FalsePositives, int DatedPages, int DatesRight, double PagesPerSecond, IReadOnlyList<PageResult> Results)
{
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double DateAccuracy => Ratio(DatesRight, DatedPages);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>Scores the extractor on the extraction development set the way its authors score extractors:
/// a keep snippet found in the text is a true positive, a missing one a false negative, a drop snippet found a false positive.</summary>
public static class ExtractionBenchmark
{
    private sealed record Snippets(string File, List<string> Keep, List<string> Drop);

    private sealed record DatedPage(string File, string Date);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static ExtractionScore Run(string corpus)
    {
        var snippets = Load<Snippets>(Path.Combine(corpus, "snippets.json"));
        var dates = Load<DatedPage>(Path.Combine(corpus, "dates.json")).ToDictionary(d => d.Value.File, d => d.Value.Date);
        var files = snippets.Select(s => s.Value.File).Concat(dates.Keys).Distinct().ToList();
        var stopwatch = Stopwatch.StartNew();
        var extracted = files.ToDictionary(f => f, f => ExtractFile(corpus, f, UrlOf(snippets, f)));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var results = files.Select(f => Score(f, extracted[f], snippets.Values.FirstOrDefault(s => s.File == f), dates.GetValueOrDefault(f))).ToList();
        return new ExtractionScore(
            files.Count,
            results.Sum(r => r.KeepFound),
            results.Sum(r => r.KeepMissed),
            results.Sum(r => r.DropFound),
            results.Count(r => r.DateRight is not null),
            results.Count(r => r.DateRight == true),
            files.Count / seconds,
            results);
    }

    /// <summary>What the extractor makes of one page of the set, for looking into a miss.</summary>
    public static string Describe(string corpus, string file)
    {
        var snippets = Load<Snippets>(Path.Combine(corpus, "snippets.json"));
        var page = ExtractFile(corpus, file, UrlOf(snippets, file));
        var articles = page.Articles.Select(a =>
            $"[{a.Segment}] {a.Title}\n  published {a.Published:O} ({a.PublishedSource}) by {a.Byline} lang {a.Language} dateline {a.Dateline}\n  "
            + string.Join("\n  ", a.Blocks.Select(b => $"{b.Kind}: {b.Text}")));
        return $"canonical {page.CanonicalUrl} site {page.SiteName}\n" + string.Join("\n", articles);
    }

    private static Dictionary<string, T> Load<T>(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, T>>(File.ReadAllText(path), Json) ?? [];

    private static Uri? UrlOf(Dictionary<string, Snippets> snippets, string file) =>
        snippets.FirstOrDefault(s => s.Value.File == file).Key is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    private static ExtractedPage ExtractFile(string corpus, string file, Uri? url) =>
        HtmlExtractor.Extract(CharsetDetector.Decode(File.ReadAllBytes(Path.Combine(corpus, "html", file)), null), url);

    private static PageResult Score(string file, ExtractedPage page, Snippets? snippets, string? date)
    {
        var text = Normalize(string.Join("\n", page.Articles.Select(a => a.Text)));
        var missed = snippets?.Keep.Where(k => !text.Contains(Normalize(k), StringComparison.Ordinal)).ToList() ?? [];
        var dropped = snippets?.Drop.Where(d => text.Contains(Normalize(d), StringComparison.Ordinal)).ToList() ?? [];
        var found = page.Articles.FirstOrDefault()?.Published?.ToString("yyyy-MM-dd");
        bool? dateRight = date is null ? null : found == date;
        var problems = missed.Select(m => "missing: " + m).Concat(dropped.Select(d => "dropped text kept: " + d)).ToList();
        if (dateRight == false)
            problems.Add($"date: found {found ?? "none"} ({page.Articles.FirstOrDefault()?.PublishedSource}, modified {page.Articles.FirstOrDefault()?.Modified:yyyy-MM-dd}), expected {date}");
        return new PageResult(file, (snippets?.Keep.Count ?? 0) - missed.Count, missed.Count, dropped.Count, dateRight, problems);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
