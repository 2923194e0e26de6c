using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Quotes;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>Step 12, quotes: direct and partial quotes and reported claims of an on-topic article, each with its speaker.</summary>
public static class QuotesStep
{
    public static void Read(ArticleInHand article, ReadingBatch batch)
    {
        article.Quotes = QuoteExtractor.Extract(article.Text, article.Mentions);
        batch.Quotes.AddRange(article.Quotes.Select(q => new ArticleQuote
        {
            ArticleId = article.Id,
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
        }));
    }
}
