using KazakhUnrest.Core.Dates;

namespace KazakhUnrest.Core.Events;

/// <summary>An event as one article reports it.</summary>
public sealed record SourcedEvent(long ArticleId, string Outlet, EventMention Event);

/// <summary>
/// One happening on the timeline, with every article that reports it. <see cref="Date"/> is the day most
/// sources give; <see cref="Days"/> lists every day given, so a page can show "4 January (004) / 5 January
/// (001)" when <see cref="Conflict"/> says the sources disagree.
/// </summary>
public sealed record TimelineEntry(
    string Kind,
    DateOnly Date,
    IReadOnlyList<DateOnly> Days,
    bool Conflict,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Places,
    IReadOnlyList<SourcedEvent> Sources,
    string Summary)
{
    /// <summary>The day a source gives for this entry: its own day, or the entry's day when its span ("over the weekend") covers it.</summary>
    public DateOnly DayOf(SourcedEvent source) => EventGrouper.DayGiven(source.Event, Date);
}

/// <summary>
/// Merges the reports of many articles into timeline entries: reports of one kind whose days lie within
/// <see cref="Window"/> days of each other describe one happening. Work is a sort plus one pass per kind,
/// so thousands of articles cost no all-pairs comparison.
/// </summary>
public static class EventGrouper
{
    /// <summary>Outlets disagree by a day about late-night news and report it a day or two late; more would merge separate days of a running story.</summary>
    public const int Window = 2;

    public static IReadOnlyList<TimelineEntry> Group(IEnumerable<SourcedEvent> events)
    {
        var entries = new List<TimelineEntry>();
        foreach (var kind in events.GroupBy(e => e.Event.Kind, StringComparer.Ordinal))
        {
            var ordered = kind.OrderBy(e => e.Event.Date).ThenBy(e => e.Event.End).ThenBy(e => e.ArticleId)
                .ThenBy(e => e.Event.SentenceStart).ThenBy(e => e.Outlet, StringComparer.Ordinal).ToList();
            var reach = EventKinds.IsDaily(kind.Key) ? 0 : Window;
            var first = 0;
            while (first < ordered.Count)
            {
                // The window hangs from its earliest report, not from the latest one added, so a story told
                // day after day does not chain into one entry.
                var anchor = ordered[first].Event.End.DayNumber;
                var last = first;
                while (last + 1 < ordered.Count && ordered[last + 1].Event.Date.DayNumber - anchor <= reach)
                {
                    last++;
                }

                var window = ordered.GetRange(first, last - first + 1);
                var clusters = EventKinds.IsLoose(kind.Key) ? ByShared(window) : [window];
                entries.AddRange(clusters.Select(Entry));
                first = last + 1;
            }
        }
        return entries.OrderBy(e => e.Date).ThenBy(e => e.Kind, StringComparer.Ordinal)
            .ThenBy(e => e.Sources[0].ArticleId).ThenBy(e => e.Sources[0].Event.SentenceStart).ToList();
    }

    internal static DateOnly DayGiven(EventMention mention, DateOnly entryDate) =>
        mention.Date <= entryDate && entryDate <= mention.End ? entryDate : mention.Date;

    /// <summary>
    /// Loose kinds split further into reports that share someone or somewhere. Countries link only
    /// reports that name nothing narrower, since nearly every report names Kazakhstan. One article's
    /// reports of a loose kind within the window are its retelling of one happening, so they link too.
    /// </summary>
    private static List<List<SourcedEvent>> ByShared(List<SourcedEvent> window)
    {
        var parent = Enumerable.Range(0, window.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                i = parent[i] = parent[parent[i]];
            }

            return i;
        }
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < window.Count; i++)
        {
            foreach (var key in LinkKeys(window[i].Event).Append(ArticleKey(window[i].ArticleId)))
            {
                if (owner.TryGetValue(key, out var other))
                {
                    parent[Root(i)] = Root(other);
                }
                else
                {
                    owner[key] = i;
                }
            }
        }
        return Enumerable.Range(0, window.Count).GroupBy(Root).Select(group => group.Select(i => window[i]).ToList()).ToList();
    }

    // Entity ids are slugs and never start with '#'.
    private static string ArticleKey(long articleId) => "#" + articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> LinkKeys(EventMention mention)
    {
        var narrow = mention.Places.Concat(mention.Actors.Except(mention.Countries, StringComparer.Ordinal)).ToList();
        return narrow.Count > 0 ? narrow : mention.Actors;
    }

    private static TimelineEntry Entry(List<SourcedEvent> cluster)
    {
        // One source per article: the report dated by its own sentence, then the most precise, then the first in the text.
        var sources = cluster.GroupBy(e => e.ArticleId)
            .Select(article => article.OrderBy(e => e.Event.DateInferred).ThenBy(e => e.Event.Precision is DatePrecision.Week)
                .ThenBy(e => e.Event.SentenceStart).First())
            .OrderBy(e => e.ArticleId).ThenBy(e => e.Event.SentenceStart).ToList();
        var printed = sources.Where(e => !e.Event.DateInferred && e.Event.Precision is not DatePrecision.Week).ToList();
        var voters = printed.Count > 0 ? printed : sources;
        var date = voters.GroupBy(e => e.Event.Date).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var days = sources.Select(e => DayGiven(e.Event, date)).Distinct().Order().ToList();
        var conflict = sources.Where(e => !e.Event.DateInferred).Select(e => DayGiven(e.Event, date)).Distinct().Count() > 1;
        var central = sources.OrderBy(e => e.Event.DateInferred).ThenBy(e => DayGiven(e.Event, date) != date)
            .ThenBy(e => e.ArticleId).ThenBy(e => e.Event.SentenceStart).First();
        return new TimelineEntry(
            cluster[0].Event.Kind, date, days, conflict,
            sources.SelectMany(e => e.Event.Actors).Distinct().Order(StringComparer.Ordinal).ToList(),
            sources.SelectMany(e => e.Event.Places).Distinct().Order(StringComparer.Ordinal).ToList(),
            sources, central.Event.Summary);
    }
}
