using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Dates;

/// <summary>
/// An editor's correction of when an article was published, kept beside the machine's reading of the page
/// (<see cref="Article.MachinePublishedAt"/>). <see cref="PublicationDay.Published"/> makes it the date every page and
/// pipeline step reads, so reprocessing, reclustering and re-reading events keep it.
/// </summary>
public static class PublishedDateCorrection
{
    /// <summary>Nothing this site holds was published before the web, or more than a day ahead of the clock.</summary>
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan AheadAllowed = TimeSpan.FromDays(1);

    /// <summary>Sets the editor's publication time, or clears it (null) so the machine's date counts again.</summary>
    public static async Task SetAsync(KazakhDbContext db, long articleId, DateTimeOffset? published, Correction by, CancellationToken ct)
    {
        StoryEditing.CheckReason(by.Reason);
        var now = DateTimeOffset.UtcNow;
        if (published is { } p && (p < Earliest || p > now + AheadAllowed))
        {
            throw new StoryEditException($"a publication date must lie between {Earliest:yyyy-MM-dd} and tomorrow");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The story lock: the story's first and last dates are refreshed below, as the story step does under it.
        await StoryEditing.LockAsync(db, ct);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, ct) ?? throw new StoryEditException($"no article {articleId}");
        await StoryEditing.CheckVersionAsync(db, article, by.Version, ct);
        var before = State(article);
        article.PublishedAtByEditor = published?.ToUniversalTime();
        article.PublishedAt = PublicationDay.Published(article.MachinePublishedAt, article.PublishedAtByEditor);
        var set = published is not null;
        article.PublishedAtEditedBy = set ? by.ActorEmail : null;
        article.PublishedAtEditedAt = set ? now : null;
        article.PublishedAtEditReason = set && !string.IsNullOrWhiteSpace(by.Reason) ? by.Reason.Trim() : null;
        // The day anchors the weekdays its text names ("on Friday"): its entities, dates and events are read again,
        // and the timeline rebuilt from them, by the scraper's next catch-up.
        article.EventsAt = null;
        article.EditVersion++;
        AuditLog.Record(db, by.ActorId, by.ActorEmail, CorrectionKinds.ArticlePublished, AuditObjects.Article,
            articleId.ToString(System.Globalization.CultureInfo.InvariantCulture), before, State(article), by.Reason, articleIds: [articleId], at: now);
        await db.SaveChangesAsync(ct);
        if (article.StoryId is { } story)
        {
            await StoryStats.RefreshAsync(db, [story], ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static object State(Article article) => new { article.PublishedAt, article.MachinePublishedAt, article.PublishedAtByEditor };
}
