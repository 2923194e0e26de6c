using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Core.Quotes;

namespace KazakhUnrest.Scraper.Events;

/// <summary>The quotes of one article and the loaded terms it uses, each term credited to the outlet or to the speaker it quotes.</summary>
public static class ArticleQuotes
{
    /// <param name="mentions">Entity mentions the caller already found in the text.</param>
    public static (IEnumerable<ArticleQuote> Quotes, IEnumerable<ArticleFraming> Framing) Of(long articleId, string text, IReadOnlyList<EntityMention> mentions)
    {
        var quotes = QuoteExtractor.Extract(text, mentions);
        var framing = FramingExtractor.Extract(text, quotes);
        return (
            quotes.Select(q => new ArticleQuote
            {
                ArticleId = articleId,
                Kind = q.Kind,
                Text = q.Text,
                SpeakerId = q.SpeakerId,
                Speaker = q.Speaker,
                Cue = q.Cue,
                Start = q.Start,
                Length = q.Length,
                SentenceStart = q.SentenceStart,
                SentenceLength = q.SentenceLength,
                Sentence = q.Sentence,
            }),
            framing.Select(f => new ArticleFraming
            {
                ArticleId = articleId,
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
}
