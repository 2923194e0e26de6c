using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Core.Relevance;

namespace KazakhUnrest.Tests.Relevance;

internal static class Scoring
{
    public static RelevanceResult Of(ExtractedArticle article) =>
        RelevanceScorer.Score(article.Title ?? "", article.Text, article.Published, article.Language);

    /// <summary>Score and reasons in an assertion message, so a failing case explains itself.</summary>
    public static string Explain(RelevanceResult result) =>
        $"score {result.Score}: {string.Join("; ", result.Reasons)}";
}
