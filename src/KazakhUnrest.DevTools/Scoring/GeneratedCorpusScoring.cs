using KazakhUnrest.DevTools.Generate;

namespace KazakhUnrest.DevTools.Scoring;

/// <summary>What a clustering run made of one generated article, under the id the run gave it.</summary>
/// <param name="Story">The story it was filed under; the caller decides what an article left out of every story counts as.</param>
/// <param name="DuplicateOf">The article it was taken as a copy of, if any.</param>
public readonly record struct ScoredArticle(long Id, GeneratedArticle Article, long Story, long? DuplicateOf);

/// <summary>Scores story clustering (B-cubed over on-topic articles) and near-duplicate detection (pairs) against the generator's labels.</summary>
public static class GeneratedCorpusScoring
{
    public static (PrecisionRecall Stories, PrecisionRecall Duplicates) Score(IReadOnlyCollection<ScoredArticle> articles)
    {
        var idOf = articles.ToDictionary(a => a.Article, a => a.Id);
        var goldStory = new Dictionary<long, string>();
        var predictedStory = new Dictionary<long, long>();
        var goldGroup = new Dictionary<long, long>();
        var predictedGroup = new Dictionary<long, long>();
        foreach (var (id, article, story, duplicateOf) in articles)
        {
            goldGroup[id] = article.Original is { } original ? idOf[original] : id;
            predictedGroup[id] = duplicateOf ?? id;
            if (article.Story is { } gold)
            {
                goldStory[id] = gold;
                predictedStory[id] = story;
            }
        }

        return (Evaluation.BCubed(goldStory, predictedStory), Evaluation.DuplicatePairs(goldGroup, predictedGroup));
    }
}
