using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Core.Quotes;
using KazakhUnrest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Stories;

/// <summary>
/// One story side by side, one column per outlet: when each reported, what figures it gave, whom it quoted, which
/// loaded words it used in its own voice, and what only it had. Shared by /stories/{id}/comparison and its API.
/// </summary>
/// <remarks>
/// An outlet's first report is the earliest of its on-topic articles in the story, each dated by its published time,
/// else the time we first saw it (the order the story page uses). The lag is that minus the story's first report.
/// Copies of another outlet's article count for the outlet that republished them: it did publish them.
/// </remarks>
public static class ComparisonQueries
{
    // A column must stay readable beside the others; the rest is counted, and the JSON gives the same cut.
    public const int PerList = 10;

    public sealed record Comparison(long StoryId, string Headline, bool IsSample, DateTimeOffset? FirstReportAt, int ArticleCount,
        IReadOnlyList<Column> Outlets, IReadOnlyList<FramingRow> Framing, IReadOnlyList<KindColumn> Kinds);

    /// <param name="LagMinutes">Minutes behind the story's first report; 0 for the first.</param>
    /// <param name="Lag">"first", "+5 h 20 min", "+2 d 3 h"; in whole days ("the same day", "+2 d") when <paramref name="LagByDay"/>.</param>
    /// <param name="LagByDay">The outlet or the first report printed no time, only a day inferred from the text: the lag is counted in days.</param>
    public sealed record Column(string Outlet, string OutletSlug, OutletKind Kind, string KindLabel, string? Country, string? Language,
        bool Undescribed, bool IsSample, int ArticleCount, int CopyCount, DateTimeOffset FirstReportAt, DateTimeOffset? FirstPublishedAt,
        DateTimeOffset FirstSeenAt, long LagMinutes, string Lag, bool LagByDay, FirstArticle FirstArticle, Capped<FigureItem> Figures,
        Capped<SpeakerItem> Speakers, Capped<FramingItem> Framing, OnlyHere OnlyHere);

    public sealed record FirstArticle(long Id, string Title, DateTimeOffset? PublishedAt, DateOnly? InferredPublishedOn, DateTimeOffset FirstSeenAt,
        string Path, string Url, bool IsSample);

    /// <summary>The first <see cref="PerList"/> of a list; <see cref="Total"/> says how long it is.</summary>
    public sealed record Capped<T>(IReadOnlyList<T> Items, int Total)
    {
        public int More => Total - Items.Count;
    }

    /// <param name="Value">As the outlet gave it: "at least 164", "60–120", "dozens".</param>
    /// <param name="AttributedTo">The entity's name when the attribution names a known one, else the attribution's words.</param>
    /// <param name="Path">The article, at the sentence the figure came from.</param>
    /// <param name="Amount">The value with its unit as a reader says it: "at least 14 people", "dozens of people", "from about 0.12 USD".</param>
    public sealed record FigureItem(string Measure, string Value, string Unit, string? Change, string? AttributedTo, DateOnly? Date,
        long ArticleId, string Sentence, string Path, string Amount);

    /// <param name="SpeakerId">The entity id when the speaker is a known entity.</param>
    /// <param name="Sample">A direct quote when there is one, else a partial one, else a reported claim.</param>
    public sealed record SpeakerItem(string? SpeakerId, string Name, int Quotes, int Direct, int Partial, int Reported, QuoteSample Sample);

    public sealed record QuoteSample(QuoteKind Kind, string Text, long ArticleId, string Path);

    /// <summary>Uses of one term in one voice (and, inside quotes, by one speaker): whose word it is, never lumped together.</summary>
    public sealed record FramingItem(string Term, string Label, FramingVoice Voice, string? SpeakerId, string? Speaker, int Uses, string Surface,
        long ArticleId, string Path);

    public sealed record EventItem(string Kind, DateOnly Date, string? Summary, string? EntryPath, long ArticleId, string Sentence, string Path);

    /// <summary>Facts no other outlet in the story has: timeline events, figures (measure and value) and people quoted.</summary>
    public sealed record OnlyHere(Capped<EventItem> Events, Capped<FigureItem> Figures, Capped<SpeakerItem> Speakers);

    /// <summary>How often outlets used a term: in their own voice, inside someone's quote, or held at a distance in quotation marks.</summary>
    public sealed record FramingCounts(int Own, int Quoted, int Distanced)
    {
        public int Total => Own + Quoted + Distanced;
    }

    /// <param name="ByOutlet">Keyed by outlet slug; outlets that never used the term are left out.</param>
    public sealed record FramingRow(string Term, string Label, FramingTarget Target, IReadOnlyDictionary<string, FramingCounts> ByOutlet,
        IReadOnlyDictionary<OutletKind, FramingCounts> ByKind);

    public sealed record KindColumn(OutletKind Kind, string Label, int Outlets, int Articles);

    /// <summary>"first", "+45 min", "+5 h 20 min", "+2 d 3 h"; "the same day" or "+2 d" when only days are known.</summary>
    public static string LagText(bool first, TimeSpan lag, bool byDay = false)
    {
        if (first)
        {
            return "first";
        }

        if (byDay)
        {
            var days = (long)Math.Max(0, Math.Floor(lag.TotalDays));
            return days == 0 ? "the same day" : $"+{days} d";
        }

        var minutes = (long)Math.Max(0, lag.TotalMinutes);
        return minutes switch
        {
            0 => "at the same time",
            < 60 => $"+{minutes} min",
            < 24 * 60 => minutes % 60 == 0 ? $"+{minutes / 60} h" : $"+{minutes / 60} h {minutes % 60} min",
            _ => minutes / 60 % 24 == 0 ? $"+{minutes / (24 * 60)} d" : $"+{minutes / (24 * 60)} d {minutes / 60 % 24} h",
        };
    }

    /// <summary>The comparison of a story (not following merges: the caller does), or null when there is no such story.</summary>
    public static async Task<Comparison?> GetAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Headline }).FirstOrDefaultAsync(ct);
        if (story is null)
        {
            return null;
        }

        // One query per kind of fact over the whole story, grouped here: a story of hundreds of articles stays a handful of round trips.
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.StoryId == id && a.OnTopic)
            .Select(a => new ArticleRow(a.Id, a.Title, a.PublishedAt, a.InferredPublishedOn, a.FirstSeenAt, a.CanonicalUrl, a.IsSample, a.DuplicateOfId,
                a.OutletId, a.Outlet.Name, a.Outlet.Slug, a.Outlet.Kind, a.Outlet.Country, a.Outlet.Language))
            .ToListAsync(ct);
        // By the articles' ids rather than a join on the story: the planner then reads each table through its article index
        // instead of scanning it whole (22 ms against 2 for the events of a 225-article story in a 10k collection).
        var ids = articles.Select(a => a.Id).ToList();
        var figures = await db.ArticleFigures.AsNoTracking()
            .Where(f => ids.Contains(f.ArticleId))
            .Select(f => new FigureRow(f.ArticleId, f.Measure, f.Low, f.High, f.Qualifier, f.Vague, f.Unit, f.Change, f.AttributedTo,
                f.AttributionText, f.Date, f.SentenceStart, f.SentenceLength, f.Sentence))
            .ToListAsync(ct);
        var quotes = await db.ArticleQuotes.AsNoTracking()
            .Where(q => ids.Contains(q.ArticleId))
            .Select(q => new QuoteRow(q.ArticleId, q.Kind, q.Text, q.SpeakerId, q.Speaker, q.SentenceStart, q.SentenceLength))
            .ToListAsync(ct);
        var framings = await db.ArticleFramings.AsNoTracking()
            .Where(f => ids.Contains(f.ArticleId))
            .Select(f => new FramingRowData(f.ArticleId, f.Term, f.Surface, f.Voice, f.SpeakerId, f.Speaker, f.SentenceStart, f.SentenceLength))
            .ToListAsync(ct);
        var events = await db.ArticleEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ArticleId))
            .Select(e => new EventRow(e.ArticleId, e.Kind, e.Date, e.TimelineEntryId, e.TimelineEntry!.Key, e.TimelineEntry.Summary,
                e.SentenceStart, e.SentenceLength, e.Sentence))
            .ToListAsync(ct);
        var entityIds = quotes.Select(q => q.SpeakerId).Concat(framings.Select(f => f.SpeakerId)).Concat(figures.Select(f => f.AttributedTo))
            .OfType<string>().Distinct().ToList();
        var names = await db.Entities.AsNoTracking().Where(e => entityIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);

        return Build(story.Id, story.Headline, articles, figures, quotes, framings, events, names);
    }

    private sealed record ArticleRow(long Id, string Title, DateTimeOffset? PublishedAt, DateOnly? InferredPublishedOn, DateTimeOffset FirstSeenAt,
        string Url, bool IsSample, long? DuplicateOfId, int OutletId, string Outlet, string Slug, OutletKind Kind, string? Country, string? Language)
    {
        public DateTimeOffset ReportedAt => PublicationDay.ReportedAt(PublishedAt, InferredPublishedOn, FirstSeenAt);

        /// <summary>Only a day is known for when it was written (no time printed).</summary>
        public bool ByDay => PublishedAt is null && InferredPublishedOn is not null;
    }

    private sealed record FigureRow(long ArticleId, string Measure, decimal? Low, decimal? High, string? Qualifier, string? Vague, string Unit,
        string? Change, string? AttributedTo, string? AttributionText, DateOnly? Date, int SentenceStart, int SentenceLength, string Sentence)
    {
        // As /figures writes it.
        public string Value => Figures.FigureQueries.ValueText(Low, High, Qualifier, Vague);

        /// <summary>The same fact whatever the hedge: "at least 164" and "164" killed are one figure two outlets share.</summary>
        public (string, string, decimal?, decimal?, string?, string?) Fact => (Measure, Unit, Low, High, Vague, Change);
    }

    private sealed record QuoteRow(long ArticleId, QuoteKind Kind, string Text, string? SpeakerId, string? Speaker, int SentenceStart, int SentenceLength);

    private sealed record FramingRowData(long ArticleId, string Term, string Surface, FramingVoice Voice, string? SpeakerId, string? Speaker,
        int SentenceStart, int SentenceLength);

    private sealed record EventRow(long ArticleId, string Kind, DateOnly Date, long? EntryId, string? EntryKey, string? Summary,
        int SentenceStart, int SentenceLength, string Sentence)
    {
        /// <summary>The timeline entry when the event has one, else what happened on which day.</summary>
        public string Fact => EntryId is { } e ? $"entry:{e}" : $"{Kind}|{Date:yyyy-MM-dd}";
    }

    /// <summary>A speaker is the same person across outlets by entity id, else by the words naming them.</summary>
    public static string? SpeakerKey(string? id, string? words) =>
        id ?? (string.IsNullOrWhiteSpace(words) ? null : "words:" + words.Trim().ToLowerInvariant());

    private static Comparison Build(long id, string headline, List<ArticleRow> articles, List<FigureRow> figures, List<QuoteRow> quotes,
        List<FramingRowData> framings, List<EventRow> events, Dictionary<string, string> names)
    {
        var byId = articles.ToDictionary(a => a.Id);
        // Within an outlet, facts are listed from its earliest article on.
        var order = articles.OrderBy(a => a.ReportedAt).ThenBy(a => a.Id).Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var outletOf = articles.ToDictionary(a => a.Id, a => a.OutletId);
        string Name(string? entityId, string? words) =>
            entityId is not null && names.TryGetValue(entityId, out var n) ? n : words ?? entityId ?? "an unnamed speaker";

        // Which outlets have each fact: a fact held by one outlet is that outlet's alone.
        var figureOutlets = figures.ToLookup(f => f.Fact, f => outletOf[f.ArticleId]).ToDictionary(g => g.Key, g => g.Distinct().Count());
        var eventOutlets = events.ToLookup(e => e.Fact, e => outletOf[e.ArticleId]).ToDictionary(g => g.Key, g => g.Distinct().Count());
        var speakerOutlets = quotes.Where(q => SpeakerKey(q.SpeakerId, q.Speaker) is not null)
            .ToLookup(q => SpeakerKey(q.SpeakerId, q.Speaker)!, q => outletOf[q.ArticleId]).ToDictionary(g => g.Key, g => g.Distinct().Count());

        var figuresBy = figures.OrderBy(f => order[f.ArticleId]).ThenBy(f => f.SentenceStart).ToLookup(f => outletOf[f.ArticleId]);
        var quotesBy = quotes.OrderBy(q => order[q.ArticleId]).ThenBy(q => q.SentenceStart).ToLookup(q => outletOf[q.ArticleId]);
        var framingsBy = framings.OrderBy(f => order[f.ArticleId]).ThenBy(f => f.SentenceStart).ToLookup(f => outletOf[f.ArticleId]);
        var eventsBy = events.OrderBy(e => e.Date).ThenBy(e => order[e.ArticleId]).ThenBy(e => e.SentenceStart).ToLookup(e => outletOf[e.ArticleId]);
        var storyIds = byId.Keys.ToHashSet();

        FigureItem Figure(FigureRow f) => new(f.Measure, f.Value, f.Unit, f.Change,
            f.AttributedTo is null ? f.AttributionText : Name(f.AttributedTo, f.AttributedTo), f.Date, f.ArticleId, f.Sentence,
            ArticleLinks.Sentence(f.ArticleId, f.SentenceStart, f.SentenceLength),
            $"{(f.Change is null ? "" : f.Change + " ")}{f.Value}{(f.Vague is null ? " " : " of ")}{f.Unit}");

        var groups = articles.GroupBy(a => a.OutletId)
            .Select(g => (Outlet: g.Key, Articles: g.OrderBy(a => a.ReportedAt).ThenBy(a => a.ByDay).ThenBy(a => a.Id).ToList()))
            // At the same moment, a printed time goes before a day inferred from the text (which stands at midnight).
            .OrderBy(g => g.Articles[0].ReportedAt).ThenBy(g => g.Articles[0].ByDay).ThenBy(g => g.Articles[0].Outlet, StringComparer.Ordinal)
            .ToList();
        var storyFirst = groups.Count > 0 ? groups[0].Articles[0].ReportedAt : (DateTimeOffset?)null;
        var storyFirstByDay = groups.Count > 0 && groups[0].Articles[0].ByDay;

        var columns = new List<Column>(groups.Count);
        foreach (var (outletId, own) in groups)
        {
            var first = own[0];
            var lag = first.ReportedAt - storyFirst!.Value;
            var byDay = first.ByDay || storyFirstByDay;
            if (byDay)
            {
                lag = TimeSpan.FromDays(Math.Floor((first.ReportedAt.UtcDateTime.Date - storyFirst.Value.UtcDateTime.Date).TotalDays));
            }

            // Repeats across an outlet's articles (updates, copies) are one figure; the attribution is part of what it gave.
            var outletFigures = figuresBy[outletId].DistinctBy(f => (f.Measure, f.Value, f.Unit, f.Change, f.AttributedTo ?? f.AttributionText))
                .OrderBy(f => f.Measure, StringComparer.Ordinal).ToList();

            var speakers = quotesBy[outletId].Where(q => SpeakerKey(q.SpeakerId, q.Speaker) is not null)
                .GroupBy(q => SpeakerKey(q.SpeakerId, q.Speaker)!)
                .Select(g =>
                {
                    var sample = g.OrderBy(q => q.Kind).First();
                    return (Key: g.Key, Item: new SpeakerItem(g.First().SpeakerId, Name(g.First().SpeakerId, g.First().Speaker), g.Count(),
                        g.Count(q => q.Kind == QuoteKind.Direct), g.Count(q => q.Kind == QuoteKind.Partial), g.Count(q => q.Kind == QuoteKind.Reported),
                        new QuoteSample(sample.Kind, sample.Text, sample.ArticleId, ArticleLinks.Sentence(sample.ArticleId, sample.SentenceStart, sample.SentenceLength))));
                })
                .OrderByDescending(s => s.Item.Quotes).ThenBy(s => s.Item.Name, StringComparer.Ordinal)
                .ToList();

            var terms = framingsBy[outletId]
                .GroupBy(f => (f.Term, f.Voice, Speaker: f.Voice == FramingVoice.Speaker ? SpeakerKey(f.SpeakerId, f.Speaker) : null))
                .Select(g =>
                {
                    var f = g.First();
                    var speaker = f.Voice == FramingVoice.Speaker ? Name(f.SpeakerId, f.Speaker) : null;
                    return new FramingItem(f.Term, FramingTerms.ByKey(f.Term)?.Label ?? f.Term, f.Voice, g.Key.Voice == FramingVoice.Speaker ? f.SpeakerId : null,
                        speaker, g.Count(), f.Surface, f.ArticleId, ArticleLinks.Sentence(f.ArticleId, f.SentenceStart, f.SentenceLength));
                })
                .OrderBy(t => t.Voice).ThenByDescending(t => t.Uses).ThenBy(t => TermOrder(t.Term))
                .ToList();

            var onlyEvents = eventsBy[outletId].Where(e => eventOutlets[e.Fact] == 1).DistinctBy(e => e.Fact)
                .Select(e => new EventItem(e.Kind, e.Date, e.Summary, e.EntryKey is null ? null : $"/timeline/entries/{e.EntryKey}", e.ArticleId, e.Sentence,
                    ArticleLinks.Sentence(e.ArticleId, e.SentenceStart, e.SentenceLength)))
                .ToList();
            var onlyFigures = figuresBy[outletId].Where(f => figureOutlets[f.Fact] == 1).DistinctBy(f => f.Fact).Select(Figure).ToList();
            var onlySpeakers = speakers.Where(s => speakerOutlets[s.Key] == 1).Select(s => s.Item).ToList();

            columns.Add(new Column(first.Outlet, first.Slug, first.Kind, OutletKinds.Label(first.Kind), first.Country, first.Language,
                first.Kind == OutletKind.Undescribed && first.Country is null, own.Any(a => a.IsSample), own.Count,
                own.Count(a => a.DuplicateOfId is { } d && storyIds.Contains(d) && byId[d].OutletId != outletId),
                first.ReportedAt, own.Min(a => a.PublishedAt), own.Min(a => a.FirstSeenAt), (long)lag.TotalMinutes, LagText(columns.Count == 0, lag, byDay), byDay,
                new FirstArticle(first.Id, first.Title, first.PublishedAt, first.InferredPublishedOn, first.FirstSeenAt, $"/articles/{first.Id}", first.Url,
                    first.IsSample),
                Cap(outletFigures.Select(Figure)), Cap(speakers.Select(s => s.Item)), Cap(terms),
                new OnlyHere(Cap(onlyEvents), Cap(onlyFigures), Cap(onlySpeakers))));
        }

        var kindOf = articles.ToDictionary(a => a.Id, a => a.Kind);
        var slugOf = articles.ToDictionary(a => a.Id, a => a.Slug);
        var framingTable = framings.GroupBy(f => f.Term)
            .OrderBy(g => TermOrder(g.Key))
            .Select(g =>
            {
                var term = FramingTerms.ByKey(g.Key);
                return new FramingRow(g.Key, term?.Label ?? g.Key, term?.Target ?? FramingTarget.Events,
                    g.GroupBy(f => slugOf[f.ArticleId]).ToDictionary(o => o.Key, Count),
                    g.GroupBy(f => kindOf[f.ArticleId]).OrderBy(k => k.Key).ToDictionary(k => k.Key, Count));
            })
            .ToList();
        var kinds = columns.GroupBy(c => c.Kind).OrderBy(g => g.Key)
            .Select(g => new KindColumn(g.Key, OutletKinds.Label(g.Key), g.Count(), g.Sum(c => c.ArticleCount)))
            .ToList();
        return new Comparison(id, headline, articles.Any(a => a.IsSample), storyFirst, articles.Count, columns, framingTable, kinds);
    }

    private static FramingCounts Count(IEnumerable<FramingRowData> uses)
    {
        var list = uses.ToList();
        return new(list.Count(f => f.Voice == FramingVoice.Outlet), list.Count(f => f.Voice == FramingVoice.Speaker),
            list.Count(f => f.Voice == FramingVoice.Distanced));
    }

    private static int TermOrder(string key)
    {
        for (var i = 0; i < FramingTerms.All.Count; i++)
        {
            if (FramingTerms.All[i].Key == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static Capped<T> Cap<T>(IEnumerable<T> items)
    {
        var list = items as IReadOnlyList<T> ?? items.ToList();
        return new([.. list.Take(PerList)], list.Count);
    }
}
