namespace KazakhUnrest.Web.Shared;

/// <summary>Links into the article page, which every feature makes: a figure, a quote, a loaded word all cite a sentence.</summary>
public static class ArticleLinks
{
    /// <summary>
    /// A link to one sentence of an article. ?s=&amp;l= marks the sentence and gives it its id (the article page reads them
    /// through <see cref="Articles.CitedSentences"/>), so the fragment lands on any sentence, not only those the timeline cites.
    /// </summary>
    public static string Sentence(long articleId, int sentenceStart, int sentenceLength) =>
        sentenceStart >= 0 && sentenceLength > 0
            ? $"/articles/{articleId}?s={sentenceStart}&l={sentenceLength}#s{sentenceStart}"
            : $"/articles/{articleId}";
}
