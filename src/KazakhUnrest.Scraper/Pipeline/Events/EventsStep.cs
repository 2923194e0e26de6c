using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Events;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 10, events: the dated happenings of the unrest an on-topic article reports (protests, a state of emergency,
/// troops arriving...), each with its sentence, its day resolved against the publication day, and its actors and places.
/// </summary>
public static class EventsStep
{
    public static void Read(ArticleInHand article, ReadingBatch batch)
    {
        // Without a publication day, "on Wednesday" has nothing to count from.
        if (article.Day is { } day)
        {
            batch.Events.AddRange(Extract(article.Id, article.Text, day, article.Mentions));
        }
    }

    public static IEnumerable<ArticleEvent> Extract(long articleId, string text, DateOnly day, IReadOnlyList<Core.Entities.EntityMention> mentions) =>
        EventExtractor.Extract(text, day, mentions).Select(e => Row(articleId, e));

    private static ArticleEvent Row(long articleId, EventMention e) => new()
    {
        ArticleId = articleId,
        Kind = e.Kind,
        Date = e.Date,
        EndDate = e.End,
        Precision = e.Precision.ToString(),
        PartOfDay = e.PartOfDay?.ToString(),
        DateInferred = e.DateInferred,
        DateText = e.DateText,
        SentenceStart = e.SentenceStart,
        SentenceLength = e.SentenceLength,
        Sentence = e.Sentence,
        Actors = [.. e.Actors],
        Places = [.. e.Places],
    };
}
