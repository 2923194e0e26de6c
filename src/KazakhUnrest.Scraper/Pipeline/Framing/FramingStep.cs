using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Framing;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 13, framing: the loaded terms an on-topic article uses ("terrorists", "protesters", "bandits"), each credited
/// to the outlet's own voice or to the speaker it quotes (found by <see cref="QuotesStep"/> just before).
/// </summary>
public static class FramingStep
{
    public static void Read(ArticleInHand article, ReadingBatch batch) =>
        batch.Framings.AddRange(FramingExtractor.Extract(article.Text, article.Quotes).Select(f => new ArticleFraming
        {
            ArticleId = article.Id,
            Term = f.Term,
            Surface = f.Surface,
            Voice = f.Voice,
            SpeakerId = f.SpeakerId,
            Speaker = f.Speaker,
            Start = f.Start,
            SentenceStart = f.SentenceStart,
            SentenceLength = f.SentenceLength,
            Sentence = f.Sentence,
        }));
}
