using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Data;

/// <summary>One sentence of one article that reports something happening on a day: the source of a timeline entry.</summary>
public sealed class ArticleEvent
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;

    /// <summary>What happened, as a stable key ("government-resigns", "troops-deployed").</summary>
    public required string Kind { get; set; }

    /// <summary>The day this source gives; with <see cref="EndDate"/> a range for "over the weekend".</summary>
    public DateOnly Date { get; set; }
    public DateOnly EndDate { get; set; }
    public required string Precision { get; set; }
    public string? PartOfDay { get; set; }

    /// <summary>The sentence names no day itself: it took the day of the sentence around it. Weaker evidence.</summary>
    public bool DateInferred { get; set; }

    /// <summary>The date expression as written ("late on Tuesday").</summary>
    public required string DateText { get; set; }

    /// <summary>Offsets of the sentence in the article's text, and the sentence itself.</summary>
    public int SentenceStart { get; set; }
    public int SentenceLength { get; set; }
    public required string Sentence { get; set; }

    public List<string> Actors { get; set; } = [];
    public List<string> Places { get; set; } = [];

    public long? TimelineEntryId { get; set; }
    public TimelineEntry? TimelineEntry { get; set; }
}

/// <summary>One event on the timeline with every article that reported it; rebuilt from the article events.</summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }
    public required string Kind { get; set; }

    /// <summary>The day most sources give (the earliest of a tie); the entry is listed under it.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Every day the sources give; more than one is a disagreement shown on the page.</summary>
    public List<DateOnly> Days { get; set; } = [];
    public bool Conflict { get; set; }

    /// <summary>
    /// Which outlets give which day, as "2022-01-04|Outlet name" (a few outlets per day): kept with the entry because
    /// working it out from thousands of sources on every page view is too slow.
    /// </summary>
    public List<string> DayOutlets { get; set; } = [];
    public required string Summary { get; set; }
    public List<string> Actors { get; set; } = [];
    public List<string> Places { get; set; } = [];

    /// <summary>Actors and places together, for the country and actor filters.</summary>
    public List<string> Entities { get; set; } = [];

    public int SourceCount { get; set; }

    /// <summary>An editor's key for the same event across rebuilds ("2022-01-05/government-resigns"), used in permalinks.</summary>
    public required string Key { get; set; }

    public List<ArticleEvent> Sources { get; set; } = [];
}

/// <summary>
/// On-topic articles per publication day (printed, else inferred) and outlet kind: the timeline chart without
/// filters, counted when the timeline is rebuilt rather than over every article on every page view.
/// </summary>
public sealed class ArticleDay
{
    public DateOnly Date { get; set; }
    public OutletKind Kind { get; set; }
    public int Articles { get; set; }

    /// <summary>Counts the days again from the articles; run in the caller's transaction with the timeline rebuild.</summary>
    public static async Task RefreshAsync(KazakhDbContext db, CancellationToken ct)
    {
        await db.ArticleDays.ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO article_days (date, kind, articles)
            SELECT coalesce((a.published_at AT TIME ZONE 'UTC')::date, a.inferred_published_on), o.kind, count(*)
            FROM articles a JOIN outlets o ON o.id = a.outlet_id
            WHERE a.on_topic AND (a.published_at IS NOT NULL OR a.inferred_published_on IS NOT NULL)
            GROUP BY 1, 2
            """, ct);
    }
}

/// <summary>
/// One numeric claim of an article (a death toll, a count of detainees, a price), with whom the outlet attributes
/// it to and the sentence it came from. <see cref="SentenceStart"/> is -1 for a figure in the headline.
/// </summary>
public sealed class ArticleFigure
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public required string Measure { get; set; }
    public decimal? Low { get; set; }
    public decimal? High { get; set; }
    public string? Qualifier { get; set; }
    public string? Vague { get; set; }
    public required string Unit { get; set; }

    /// <summary>"from" or "to" for the two ends of a change ("from 60 to 120 tenge"), else null.</summary>
    public string? Change { get; set; }

    /// <summary>An entity id when the attribution names a known entity, else the attribution's words.</summary>
    public string? AttributedTo { get; set; }
    public string? AttributionText { get; set; }

    /// <summary>The day the figure refers to when its sentence says.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>The place (entity id) a count is limited to, as "103 in Almaty"; null for the whole country.</summary>
    public string? Place { get; set; }

    /// <summary>An older figure retold as context ("the earlier toll of 164"): listed, but neither charted nor compared.</summary>
    public bool Background { get; set; }

    public int SentenceStart { get; set; }
    public int SentenceLength { get; set; }
    public required string Sentence { get; set; }
}
