using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Figures;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 11, figures: every numeric claim of an on-topic article (killed, injured, detained, prices), headline
/// included, with its measure, attribution and reference day, as rows whose offsets index the article's text.
/// </summary>
public static class FiguresStep
{
    public static void Read(ArticleInHand article, ReadingBatch batch) =>
        batch.Figures.AddRange(Of(article.Id, article.Title, article.Text, article.Day, article.TitleMentions, article.Mentions));

    private const string Break = "\n\n";

    /// <param name="inTitle">Entity mentions the caller already found in the title.</param>
    /// <param name="inText">Entity mentions the caller already found in the text.</param>
    public static IEnumerable<ArticleFigure> Of(long articleId, string title, string text, DateOnly? day,
        IReadOnlyList<EntityMention> inTitle, IReadOnlyList<EntityMention> inText)
    {
        // Headlines carry figures too ("After dozens are reported dead..."), so the title is read with the body.
        var whole = title + Break + text;
        var offset = title.Length + Break.Length;
        IReadOnlyList<EntityMention> mentions = [.. inTitle, .. inText.Select(m => m with { Start = m.Start + offset })];
        return FigureExtractor.Extract(whole, mentions, day).Select(f => new ArticleFigure
        {
            ArticleId = articleId,
            Measure = f.Measure,
            Low = f.Low,
            High = f.High,
            Qualifier = f.Qualifier,
            Vague = f.Vague,
            Unit = f.Unit,
            Change = f.Change,
            AttributedTo = f.AttributedTo,
            AttributionText = f.AttributionText,
            Date = f.Date,
            Place = f.Place,
            Background = f.Background,
            SentenceStart = f.SentenceStart >= offset ? f.SentenceStart - offset : -1,
            SentenceLength = f.SentenceLength,
            Sentence = f.Sentence,
        });
    }
}
