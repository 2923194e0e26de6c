using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Scraper.Events;

/// <summary>
/// Dates an undated report that no dated story dates either, by the events it shares with dated reports. "The
/// protests started on Sunday" fits only publication days in the week after the Sunday the dated reports give
/// for the start of the protests; within that week the report is no earlier than the latest weekday it names
/// ("on Friday"). A day is only taken when at least one such event matches, so nothing is guessed from nothing.
/// </summary>
public static class UndatedArticles
{
    /// <summary>Publication days tried after the last dated event: a weekday reaches back at most a week.</summary>
    private const int WeekDays = 7;

    /// <summary>Beyond this span of dated events the search stops: weekday arithmetic over months means nothing.</summary>
    private const int MaxDaysTried = 120;

    public static async Task<int> AnchorAsync(KazakhDbContext db, EntityMatcher matcher, CancellationToken ct)
    {
        var undated = await db.Articles.AsNoTracking()
            .Where(a => a.PublishedAt == null && a.InferredPublishedOn == null && a.OnTopic && a.EventsAt != null)
            .Select(a => new { a.Id, a.Text })
            .ToListAsync(ct);
        if (undated.Count == 0)
        {
            return 0;
        }

        var known = (await db.ArticleEvents.AsNoTracking()
                .Where(e => e.Article.PublishedAt != null && e.Article.OnTopic && !e.DateInferred)
                .Select(e => new { e.Kind, e.Date })
                .Distinct()
                .ToListAsync(ct))
            .Select(e => (e.Kind, e.Date)).ToHashSet();
        if (known.Count == 0)
        {
            return 0;
        }

        var first = known.Min(k => k.Date);
        var last = known.Max(k => k.Date).AddDays(WeekDays);
        if (last.DayNumber - first.DayNumber > MaxDaysTried)
        {
            first = last.AddDays(-MaxDaysTried);
        }

        var dated = 0;
        foreach (var article in undated)
        {
            var mentions = matcher.Find(article.Text);
            if (Anchor(article.Text, mentions, known, first, last) is not { } day)
            {
                continue;
            }

            var events = EventExtractor.Extract(article.Text, day, mentions);
            await db.ArticleEvents.Where(e => e.ArticleId == article.Id).ExecuteDeleteAsync(ct);
            db.ArticleEvents.AddRange(events.Select(e => EventsStep.Row(article.Id, e)));
            await db.SaveChangesAsync(ct);
            await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.InferredPublishedOn, day), ct);
            dated++;
        }

        return dated;
    }

    /// <summary>
    /// The publication day that makes the most of the article's weekday-dated events agree with dated reports,
    /// the latest such day on a tie (later days keep more of the weekdays it names in the past), narrowed to the
    /// latest day the text names.
    /// </summary>
    private static DateOnly? Anchor(string text, IReadOnlyList<EntityMention> mentions, HashSet<(string, DateOnly)> known, DateOnly first, DateOnly last)
    {
        var (best, bestDay) = (0, (DateOnly?)null);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var agreeing = EventExtractor.Extract(text, day, mentions).Count(e => !e.DateInferred && known.Contains((e.Kind, e.Date)));
            if (agreeing > 0 && agreeing >= best)
            {
                (best, bestDay) = (agreeing, day);
            }
        }

        return bestDay is { } found ? DateResolver.InferPublished(text, found) ?? found : null;
    }
}
