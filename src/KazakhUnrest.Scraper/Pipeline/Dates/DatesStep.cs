using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 9, dates: the publication day of every article read, stored apart from the printed date when inferred
/// (<see cref="Article.InferredPublishedOn"/>), so the site can say it is inferred. The decisions themselves are
/// <see cref="PublicationDay"/>'s; this step brings them the evidence from the database and keeps the result level
/// when the evidence changes (a story gains dated reports).
/// </summary>
public static class DatesStep
{
    public static void Read(ArticleInHand article, ReadingBatch batch)
    {
        if (article.Published is { } published)
        {
            article.Day = DateOnly.FromDateTime(published.UtcDateTime);
            batch.InferredDays[article.Id] = null;
            return;
        }

        var story = article.StoryId is { } id && batch.StoryDays.TryGetValue(id, out var span) ? span : ((DateOnly, DateOnly)?)null;
        article.Day = PublicationDay.InStory(article.Text, story);
        batch.InferredDays[article.Id] = article.Day;
    }

    /// <summary>First and last printed publication day of each story the undated articles of the batch belong to.</summary>
    public static async Task<Dictionary<long, (DateOnly First, DateOnly Last)>> StoryDaysAsync(KazakhDbContext db, IReadOnlyList<ArticleInHand> pending,
        CancellationToken ct)
    {
        var stories = pending.Where(p => p.Published is null && p.StoryId is not null).Select(p => p.StoryId!.Value).Distinct().ToList();
        if (stories.Count == 0)
        {
            return [];
        }

        var spans = await db.Articles.Where(a => a.StoryId != null && stories.Contains(a.StoryId.Value) && a.PublishedAt != null && a.OnTopic)
            .GroupBy(a => a.StoryId!.Value)
            .Select(g => new { Story = g.Key, First = g.Min(a => a.PublishedAt!.Value), Last = g.Max(a => a.PublishedAt!.Value) })
            .ToListAsync(ct);
        return spans.ToDictionary(s => s.Story, s => (DateOnly.FromDateTime(s.First.UtcDateTime), DateOnly.FromDateTime(s.Last.UtcDateTime)));
    }

    /// <summary>Marks the batch's articles read, with the inferred day of the undated ones.</summary>
    public static async Task SaveAsync(KazakhDbContext db, ReadingBatch batch, CancellationToken ct)
    {
        foreach (var group in batch.InferredDays.GroupBy(i => i.Value, i => i.Key))
        {
            var ids = group.ToList();
            await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(a => a
                .SetProperty(x => x.EventsAt, DateTimeOffset.UtcNow)
                .SetProperty(x => x.InferredPublishedOn, group.Key), ct);
        }
    }

    /// <summary>
    /// The stories just filed into may have new dated reports, which date their undated ones: those are read again
    /// (their events hang on the day).
    /// </summary>
    public static Task StoriesChangedAsync(KazakhDbContext db, IReadOnlyCollection<long> storyIds, CancellationToken ct) =>
        db.Articles.Where(a => a.StoryId != null && storyIds.Contains(a.StoryId.Value) && a.PublishedAt == null && a.EventsAt != null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.EventsAt, (DateTimeOffset?)null), ct);

    /// <summary>Undated reports that neither their text nor their story dates, dated by the events they share with dated reports.</summary>
    public static async Task<int> AnchorUndatedAsync(KazakhDbContext db, EntityMatcher matcher, CancellationToken ct)
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
        var dated = 0;
        foreach (var article in undated)
        {
            var mentions = matcher.Find(article.Text);
            if (PublicationDay.FromSharedEvents(article.Text, mentions, known) is not { } day)
            {
                continue;
            }

            // Its events were left out for want of a day: read them now that it has one.
            await db.ArticleEvents.Where(e => e.ArticleId == article.Id).ExecuteDeleteAsync(ct);
            db.ArticleEvents.AddRange(EventsStep.Extract(article.Id, article.Text, day, mentions));
            await db.SaveChangesAsync(ct);
            await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.InferredPublishedOn, day), ct);
            dated++;
        }

        return dated;
    }
}
