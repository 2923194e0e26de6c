using KazakhUnrest.Core.Relevance;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 5, relevance: whether an article is coverage of the unrest, with the score and the reasons shown to editors.
/// Off-topic articles are kept (the filters find them) but join no story and report nothing on the timeline.
/// </summary>
public static class RelevanceStep
{
    public static RelevanceResult Score(string title, string text, DateTimeOffset? published, string? language) =>
        RelevanceScorer.Score(title, text, published, language);

    /// <summary>An editor's decision (<c>relevance ARTICLE on|off</c>) wins over the score.</summary>
    public static bool OnTopic(RelevanceResult result, bool? editorOverride) => editorOverride ?? result.OnTopic;
}
