using System.Diagnostics;
using KazakhUnrest.Core.Relevance;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.DevTools.Generate;
using KazakhUnrest.DevTools.Scoring;

namespace KazakhUnrest.Bench;

public sealed record StoriesScore(
    int Articles, double ArticlesPerSecond, double FirstChunkMs, double LastChunkMs, int ChunkSize, long PeakWorkingSet,
    PrecisionRecall Stories, PrecisionRecall Duplicates, long ClustererBytes, int PredictedStories, int GoldStories, int OffTopicInStories, int OnTopicWithoutStory);

/// <summary>
/// Generates a corpus in memory and runs relevance, dedup and story clustering over it in publication order,
/// timing each block of articles and scoring the result against the generator's labels. Nothing the clusterer
/// sees comes from the labels (unless asked to take on-topic from them).
/// </summary>
public static class StoriesBenchmark
{
    /// <param name="labelledRelevance">Take on-topic from the labels instead of the relevance scorer, to see the clusterer alone.</param>
    public static StoriesScore Run(int articles, int seed, StoryClustererOptions options, bool labelledRelevance, int chunk = 10_000)
    {
        WarmUp(seed, options);
        var corpus = CorpusGenerator.Generate(articles, seed);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clusterer = new StoryClusterer(options);
        var assignments = new StoryAssignment[corpus.Articles.Count];
        var chunkTimes = new List<double>();
        var total = Stopwatch.StartNew();
        var block = Stopwatch.StartNew();
        for (var i = 0; i < corpus.Articles.Count; i++)
        {
            var a = corpus.Articles[i];
            var onTopic = labelledRelevance ? a.OnTopic : RelevanceScorer.Score(a.Title, a.Text, a.Published, "en").OnTopic;
            assignments[i] = clusterer.Add(new ArticleFeatures(i + 1, a.Outlet.Slug, a.Published, a.Title, a.Text, onTopic, true,
                ArticleFeatures.EntitiesOf(a.Title, a.Text)));
            if ((i + 1) % chunk == 0 || i + 1 == corpus.Articles.Count)
            {
                chunkTimes.Add(block.Elapsed.TotalMilliseconds);
                block.Restart();
            }
        }

        var seconds = total.Elapsed.TotalSeconds;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(clusterer);
        return Score(corpus, assignments, seconds, chunkTimes, chunk, clusterer.StoryCount, retained);
    }

    // Without it the first block pays for JIT compilation, which would flatter the last-to-first ratio.
    private static void WarmUp(int seed, StoryClustererOptions options)
    {
        var clusterer = new StoryClusterer(options);
        foreach (var (a, i) in CorpusGenerator.Generate(2_000, seed + 1).Articles.Select((a, i) => (a, i)))
        {
            clusterer.Add(new ArticleFeatures(i + 1, a.Outlet.Slug, a.Published, a.Title, a.Text, a.OnTopic, true,
                ArticleFeatures.EntitiesOf(a.Title, a.Text)));
        }
    }

    private static StoriesScore Score(GeneratedCorpus corpus, StoryAssignment[] assignments, double seconds, List<double> chunkTimes,
        int chunk, int predictedStories, long clustererBytes)
    {
        var scored = corpus.Articles.Select((a, i) => new ScoredArticle(i + 1, a, assignments[i].StoryId, assignments[i].DuplicateOf)).ToList();
        var (stories, duplicates) = GeneratedCorpusScoring.Score(scored);
        var offTopicInStories = scored.Count(s => !s.Article.OnTopic && s.Story != StoryClusterer.NoStory);
        var onTopicWithout = scored.Count(s => s.Article.OnTopic && s.Story == StoryClusterer.NoStory);
        return new StoriesScore(corpus.Articles.Count, corpus.Articles.Count / seconds, chunkTimes[0], chunkTimes[^1], chunk,
            Process.GetCurrentProcess().PeakWorkingSet64, stories, duplicates, clustererBytes, predictedStories,
            scored.Where(s => s.Article.OnTopic).Select(s => s.Article.Story).Distinct().Count(), offTopicInStories, onTopicWithout);
    }
}
