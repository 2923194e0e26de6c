using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;

namespace KazakhUnrest.Core.Dates;

/// <summary>
/// When a report was published, decided here only. A printed date (meta, JSON-LD, <c>&lt;time&gt;</c>, URL, dateline)
/// is the extractor's evidence and always wins; for a report that prints none, the day is inferred, and says it is
/// inferred, in this order of evidence: the dated reports of its story, the weekdays and dates its text names against
/// the day it was captured, and the events it shares with dated reports. Nothing is guessed from nothing.
/// </summary>
public static class PublicationDay
{
    // A report naming only days far before its story's first dated report is not dated by that story.
    private const int StoryWindowDays = 3;

    /// <summary>Publication days tried after the last dated event: a weekday reaches back at most a week.</summary>
    private const int WeekDays = 7;

    /// <summary>Beyond this span of dated events the search stops: weekday arithmetic over months means nothing.</summary>
    private const int MaxDaysTried = 120;

    /// <summary>
    /// From the text alone: "on Monday" resolved against the capture day, or a date printed with its year. Used for
    /// plain-text captures at extraction, where the capture day is the only anchor.
    /// </summary>
    public static DateOnly? FromText(string text, DateOnly? capturedOn = null) => DateResolver.InferPublished(text, capturedOn);

    /// <summary><see cref="FromText"/> against the capture time, as midnight UTC of the day (the extractor's published field).</summary>
    public static DateTimeOffset? FromText(string text, DateTimeOffset? capturedAt) =>
        FromText(text, capturedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null) is { } day
            ? new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero)
            : null;

    /// <summary>
    /// An undated report that joined a story of dated reports was written around them: it cannot be much later than
    /// the latest, so the day after it bounds the weekdays it names ("on Friday"), and the latest day those give is
    /// its publication day at the earliest; a dateline gives the day outright. Without such a story only dates printed with
    /// a year are evidence.
    /// </summary>
    public static DateOnly? InStory(string text, (DateOnly First, DateOnly Last)? story)
    {
        if (story is not { } span)
        {
            return FromText(text);
        }

        // A dateline is the day the report was written, and a follow-up filed days after the story's latest report
        // says so there ("January 15. /TASS/"): it is not bounded by the story's days as weekdays are.
        if (DateResolver.DatelineDay(text, span.Last) is { } written && written >= span.First.AddDays(-StoryWindowDays))
        {
            return written;
        }

        var day = FromText(text, span.Last.AddDays(1));
        return day is { } d && d >= span.First.AddDays(-StoryWindowDays) ? d : span.Last;
    }

    /// <summary>
    /// Dates an undated report that no dated story dates either, by the events it shares with dated reports. "The
    /// protests started on Sunday" fits only publication days in the week after the Sunday the dated reports give for
    /// the start of the protests; within that week the report is no earlier than the latest weekday it names. A day is
    /// only taken when at least one such event matches. The day that makes the most events agree wins, the latest on a
    /// tie (later days keep more of the weekdays it names in the past), narrowed to the latest day the text names.
    /// </summary>
    /// <param name="known">Kinds and days of events that dated reports give.</param>
    public static DateOnly? FromSharedEvents(string text, IReadOnlyList<EntityMention> mentions, IReadOnlySet<(string Kind, DateOnly Date)> known)
    {
        if (known.Count == 0)
        {
            return null;
        }

        var first = known.Min(k => k.Date);
        var last = known.Max(k => k.Date).AddDays(WeekDays);
        if (last.DayNumber - first.DayNumber > MaxDaysTried)
        {
            first = last.AddDays(-MaxDaysTried);
        }

        var (best, bestDay) = (0, (DateOnly?)null);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var agreeing = EventExtractor.Extract(text, day, mentions).Count(e => !e.DateInferred && known.Contains((e.Kind, e.Date)));
            if (agreeing > 0 && agreeing >= best)
            {
                (best, bestDay) = (agreeing, day);
            }
        }

        return bestDay is { } found ? FromText(text, found) ?? found : null;
    }

    /// <summary>
    /// The publication time everything downstream reads (<see cref="Data.Article.PublishedAt"/>): an editor's correction
    /// wins over what the page says, whatever the extractor reads from it next time, so reprocessing keeps the correction.
    /// </summary>
    public static DateTimeOffset? Published(DateTimeOffset? machine, DateTimeOffset? byEditor) => byEditor ?? machine;

    /// <summary>
    /// When a report came out, for ordering outlets by first report: its printed time, else the day its text gives
    /// (at midnight), else when we first saw it. A capture imported years later was first seen then; its day is nearer the truth.
    /// </summary>
    public static DateTimeOffset ReportedAt(DateTimeOffset? published, DateOnly? inferred, DateTimeOffset firstSeen) =>
        published ?? (inferred is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : firstSeen);
}
