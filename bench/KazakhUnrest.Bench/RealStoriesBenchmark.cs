using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Cleaning;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Core.Relevance;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.DevTools.Scoring;

namespace KazakhUnrest.Bench;

public sealed record LabelledArticle(string Name, string Outlet, DateTimeOffset? Published, string Title, string Text, string Label);

/// <summary>
/// Story clustering on hand-labelled real-style text: the seeds with their annotated stories, and the sample capture
/// with the story labels of its manifest. Generated text repeats its templates; these do not, so a clusterer tuned
/// only on the generator can look perfect there and still split every real story.
/// </summary>
public static partial class RealStoriesBenchmark
{
    public sealed record Result(string Corpus, PrecisionRecall Stories, int Predicted, int Gold, IReadOnlyList<string> Lines);

    public static IEnumerable<Result> Run(string sharedCorpus, string samples, StoryClustererOptions options)
    {
        yield return Cluster("seeds", Seeds(sharedCorpus), options);
        yield return Cluster("samples", Samples(samples), options);
        if (Directory.Exists(Path.Combine(sharedCorpus, "real-dev")))
        {
            yield return Cluster("real-dev", RealDev(Path.Combine(sharedCorpus, "real-dev")), options);
        }
    }

    private static Result Cluster(string name, List<LabelledArticle> articles, StoryClustererOptions options)
    {
        var ordered = articles
            .Select((a, i) => (Article: a, Index: i))
            .OrderBy(x => x.Article.Published is null).ThenBy(x => x.Article.Published).ThenBy(x => x.Index)
            .Select(x => x.Article)
            .ToList();
        var clusterer = new StoryClusterer(options);
        var gold = new Dictionary<string, string>();
        var predicted = new Dictionary<string, long>();
        var seen = DateTimeOffset.UtcNow;
        foreach (var (a, i) in ordered.Select((a, i) => (a, i)))
        {
            var relevance = RelevanceScorer.Score(a.Title, a.Text, a.Published, null);
            var assignment = clusterer.Add(new ArticleFeatures(i + 1, a.Outlet, a.Published ?? seen, a.Title, a.Text,
                relevance.OnTopic, a.Published is not null, ArticleFeatures.EntitiesOf(a.Title, a.Text)));
            if (assignment.StoryId != StoryClusterer.NoStory && a.Label is not ("off-topic" or Unscored))
            {
                gold[a.Name] = a.Label;
                predicted[a.Name] = assignment.StoryId;
            }
        }

        var lines = ordered
            .Where(a => predicted.ContainsKey(a.Name))
            .GroupBy(a => predicted[a.Name])
            .OrderBy(g => g.Key)
            .Select(g => $"story {g.Key}: {string.Join(", ", g.Select(a => $"{a.Name} [{a.Label}]"))}")
            .ToList();
        return new Result(name, Evaluation.BCubed(gold, predicted), predicted.Values.Distinct().Count(),
            gold.Values.Distinct().Count(), lines);
    }

    /// <summary>A page labelled as belonging to no single story (a broad explainer): clustered, but scored only through its neighbours.</summary>
    private const string Unscored = "overview";

    /// <summary>
    /// The real pages of `real-dev`, extracted and clustered in memory (no copies store, no editors): a quick loop for
    /// tuning the clusterer; `real-dev` in the benchmark runs the same pages through the whole pipeline and database.
    /// </summary>
    private static List<LabelledArticle> RealDev(string folder) =>
        [.. RealDevScoring.ReadLabels(Path.Combine(folder, "labels.tsv"))
            .Select(l => (Label: l, Page: HtmlExtractor.Extract(File.ReadAllText(Path.Combine(folder, "pages", l.File)))))
            .Where(x => x.Page.Articles.Count > 0)
            .Select(x => new LabelledArticle(x.Label.File, x.Label.Url.Split('/')[2], x.Page.Articles[0].Published, x.Page.Articles[0].Title ?? "",
                x.Page.Articles[0].Text, x.Label.OnTopic ? x.Label.Story : "off-topic"))];

    private static List<LabelledArticle> Seeds(string sharedCorpus)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(sharedCorpus, "seeds.gold.json")));
        var labels = new Dictionary<string, string>();
        foreach (var story in gold.RootElement.GetProperty("stories").EnumerateArray())
        {
            var id = story.GetProperty("id").GetString()!;
            foreach (var member in story.GetProperty("members").EnumerateArray())
            {
                labels[member.GetString()!] = id;
            }
        }

        foreach (var off in gold.RootElement.GetProperty("off_topic").EnumerateArray())
        {
            labels[off.GetString()!] = "off-topic";
        }

        var result = new List<LabelledArticle>();
        foreach (var document in gold.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = document.GetProperty("file").GetString()!;
            var page = TextCaptureCleaner.Clean(File.ReadAllText(Path.Combine(sharedCorpus, "seeds", file)));
            foreach (var (segment, article) in document.GetProperty("segments").EnumerateArray().Zip(page.Articles))
            {
                var id = segment.GetProperty("id").GetString()!;
                // 002 may join 000/001 or stand alone: scored with that story, which is the stricter reading.
                var label = labels.GetValueOrDefault(id) ?? (id == "002" ? "china-security-cooperation" : id);
                result.Add(new LabelledArticle(id, "seed-" + file[..3], article.Published, article.Title ?? "", article.Text, label));
            }
        }

        return result;
    }

    private static List<LabelledArticle> Samples(string samples)
    {
        var manifest = File.ReadAllLines(Path.Combine(samples, "README.md"))
            .Select(line => ManifestRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["file"].Value, m => (Outlet: m.Groups["outlet"].Value.Trim(), Label: m.Groups["label"].Value));
        var result = new List<LabelledArticle>();
        foreach (var (file, (outlet, label)) in manifest)
        {
            var page = HtmlExtractor.Extract(File.ReadAllText(Path.Combine(samples, "capture", file)));
            var labels = label.StartsWith("(digest) ", StringComparison.Ordinal)
                ? label["(digest) ".Length..].Split(" + ")
                : Enumerable.Repeat(label == "off-topic-football" ? "off-topic" : label, page.Articles.Count).ToArray();
            foreach (var (article, i) in page.Articles.Select((a, i) => (a, i)))
            {
                result.Add(new LabelledArticle($"{file[..3]}{(page.Articles.Count > 1 ? "." + (i + 1) : "")}",
                    article.OriginalOutlet ?? outlet, article.Published, article.Title ?? "", article.Text, labels[i]));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\| `(?<file>\d{3}-[^`]+\.html)` \| (?<outlet>[^|]+)\| [^|]+\| `(?<label>[^`]+)`")]
    private static partial Regex ManifestRow();
}
