using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Figures;
using KazakhUnrest.Web.Stories;
using KazakhUnrest.Web.Timeline;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Home;

/// <summary>
/// The front page: in ten seconds, what the collection holds, the stories most outlets covered, the events most reported on
/// the timeline (and the milestones editors pinned), the latest counts outlets disagree on, and where to go next.
/// </summary>
public sealed class IndexModel(KazakhDbContext db) : PageModel
{
    /// <summary>Stories shown: the developments most outlets covered, a screen's worth.</summary>
    private const int StoriesShown = 6;

    /// <summary>Timeline entries shown: about one per day of the unrest's first week and a half.</summary>
    private const int EventsShown = 10;

    /// <summary>Disagreeing figures shown: enough to show the death toll's and the detentions' disputes side by side.</summary>
    private const int FiguresShown = 6;

    public sealed record Summary(int Articles, int Outlets, int Stories, DateTimeOffset? First, DateTimeOffset? Last);

    public sealed record Event(DateOnly Date, string Kind, string Summary, int Sources, string Permalink);

    public sealed record Milestone(long Id, DateOnly Date, string Title);

    public Summary Collection { get; private set; } = new(0, 0, 0, null, null);

    /// <summary>How many on-topic articles are the project's own sample writing; 0 when the collection is real.</summary>
    public int SampleArticles { get; private set; }

    public IReadOnlyList<StoryQueries.ListItem> Stories { get; private set; } = [];
    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];
    public IReadOnlyList<Event> Events { get; private set; } = [];
    public IReadOnlyList<FigureQueries.Row> Disagreeing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var onTopic = db.Articles.AsNoTracking().Where(a => a.OnTopic);
        Collection = new Summary(
            await onTopic.CountAsync(ct),
            await onTopic.Select(a => a.OutletId).Distinct().CountAsync(ct),
            await db.Stories.CountAsync(s => s.MergedIntoId == null && s.ArticleCount > 0, ct),
            // Printed dates only: an undated capture was first seen when it was imported, years after the events.
            await onTopic.MinAsync(a => a.PublishedAt, ct),
            await onTopic.MaxAsync(a => a.PublishedAt, ct));
        SampleArticles = await onTopic.CountAsync(a => a.IsSample, ct);
        Stories = (await StoryQueries.ListAsync(db, StoryQueries.Sort.MostCovered, null, null, null, null, null, 1, StoriesShown, ct)).Items;
        Milestones = await db.TimelineMilestones.AsNoTracking().OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new Milestone(m.Id, m.Date, m.Title)).ToListAsync(ct);
        var events = await (await TimelineQueries.FilteredAsync(db, new TimelineQueries.Filters(null, null, null, null), withHidden: false, ct))
            .OrderByDescending(t => t.SourceCount).ThenBy(t => t.Date).ThenBy(t => t.Key)
            .Take(EventsShown)
            .Select(t => new { t.Date, t.Kind, t.Summary, t.SourceCount, t.Key })
            .ToListAsync(ct);
        Events = [.. events.OrderBy(e => e.Date).Select(e => new Event(e.Date, e.Kind, e.Summary, e.SourceCount, $"/timeline/entries/{e.Key}"))];
        Disagreeing = [.. (await FigureQueries.RowsAsync(db, null, ct)).Rows
            .Where(r => r.DisagreesWith.Count > 0 && !r.Background)
            .OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Id)
            .Take(FiguresShown)];
    }
}
