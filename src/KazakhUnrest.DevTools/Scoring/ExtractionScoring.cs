using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Dom;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.DevTools.Scoring;

public sealed record PageResult(string File, int KeepFound, int KeepMissed, int DropFound, bool? DateRight, IReadOnlyList<string> Problems);

/// <summary>Snippet counts scored the way the set's authors score extractors.</summary>
public sealed record SnippetScore(int TruePositives, int FalseNegatives, int FalsePositives)
{
    public double Precision => Score.Precision;
    public double Recall => Score.Recall;
    public double F1 => Score.F1;

    public PrecisionRecall Score => new(Ratio(TruePositives, TruePositives + FalsePositives), Ratio(TruePositives, TruePositives + FalseNegatives));

    internal static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <param name="Baseline">The whole visible text of each page scored the same way: the floor any extractor must beat.</param>
/// <param name="PagesPerSecond">Extraction on one thread, reading and decoding the file included.</param>
public sealed record ExtractionScore(
    int Pages, int TruePositives, int FalseNegatives, int FalsePositives, int DatedPages, int DatesRight, double PagesPerSecond,
    SnippetScore Baseline, long PeakWorkingSet, IReadOnlyList<PageResult> Results)
{
    public double Precision => Snippets.Precision;
    public double Recall => Snippets.Recall;
    public double F1 => Snippets.F1;
    public double DateAccuracy => SnippetScore.Ratio(DatesRight, DatedPages);

    private SnippetScore Snippets => new(TruePositives, FalseNegatives, FalsePositives);
}

/// <summary>Scores the extractor on the extraction development set the way its authors score extractors:
/// a keep snippet found in the text is a true positive, a missing one a false negative, a drop snippet found a false positive.</summary>
public static class ExtractionScoring
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
        using var process = Process.GetCurrentProcess();
        return new ExtractionScore(
            files.Count,
            results.Sum(r => r.KeepFound),
            results.Sum(r => r.KeepMissed),
            results.Sum(r => r.DropFound),
            results.Count(r => r.DateRight is not null),
            results.Count(r => r.DateRight == true),
            files.Count / seconds,
            WholePageBaseline(corpus, snippets.Values),
            process.PeakWorkingSet64,
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

    private static SnippetScore WholePageBaseline(string corpus, IEnumerable<Snippets> pages)
    {
        int found = 0, missed = 0, dropped = 0;
        foreach (var page in pages)
        {
            var text = Normalize(WholePageText(CharsetDetector.Decode(File.ReadAllBytes(Path.Combine(corpus, "html", page.File)), null)));
            var kept = page.Keep.Count(k => text.Contains(Normalize(k), StringComparison.Ordinal));
            found += kept;
            missed += page.Keep.Count - kept;
            dropped += page.Drop.Count(d => text.Contains(Normalize(d), StringComparison.Ordinal));
        }
        return new SnippetScore(found, missed, dropped);
    }

    // Block elements end a line so that neighbouring words do not run together into a string no snippet matches.
    private static string WholePageText(string html)
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template").ToList())
        {
            element.Remove();
        }

        var text = new System.Text.StringBuilder();
        foreach (var node in document.Body?.Descendants<INode>() ?? [])
        {
            if (node is IText t)
            {
                text.Append(t.Data);
            }
            else if (node is IElement { LocalName: "br" or "p" or "div" or "li" or "td" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" })
            {
                text.Append('\n');
            }
        }
        return text.ToString();
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
        {
            problems.Add($"date: found {found ?? "none"} ({page.Articles.FirstOrDefault()?.PublishedSource}, modified {page.Articles.FirstOrDefault()?.Modified:yyyy-MM-dd}), expected {date}");
        }

        return new PageResult(file, (snippets?.Keep.Count ?? 0) - missed.Count, missed.Count, dropped.Count, dateRight, problems);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
