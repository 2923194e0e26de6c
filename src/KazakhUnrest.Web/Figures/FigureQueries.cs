using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Figures;
using KazakhUnrest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Figures;

/// <summary>Every reported figure with its outlet, attribution and sentence; shared by /figures, its CSV and /api/figures.</summary>
public static class FigureQueries
{
    // A page and an export stay bounded; filter by measure to see the rest.
    public const int Limit = 2000;

    // Without a measure every measure gets a share, so the alphabetically first one cannot fill the page alone.
    public const int PerMeasure = 200;

    // A toll that moves every day gives a row hundreds of figures it disagrees with; the first ones show the conflict.
    public const int MaxDisagreements = 10;

    public sealed record Row(long Id, string Measure, decimal? Low, decimal? High, string? Qualifier, string? Vague, string Unit, string? Change,
        string? AttributedTo, string? Attribution, DateOnly? Date, DateTimeOffset? PublishedAt, string Outlet, string OutletSlug, OutletKind OutletKind,
        long ArticleId, string ArticleTitle, int SentenceStart, int SentenceLength, string Sentence, bool IsSample, string? Place, bool Background)
    {
        /// <summary>The name of the place the count is limited to, when <see cref="Place"/> names one.</summary>
        public string? PlaceName { get; init; }

        /// <summary>The figure's date, else its article's publication day, else the day inferred from the article; a background figure's own date only.</summary>
        public DateOnly? ReferenceDay { get; init; }

        /// <summary>The same source's previous, different figure for this measure (see <see cref="FigureTracks"/>).</summary>
        public long? RevisionOf { get; init; }

        /// <summary>"up", "down" or "changed" when the figure is a revision.</summary>
        public string? Revision { get; init; }

        /// <summary>Figures about the same day from other voices that cannot be true with this one: the first <see cref="MaxDisagreements"/>.</summary>
        public IReadOnlyList<long> DisagreesWith { get; init; } = [];

        /// <summary>How many figures this one disagrees with in all.</summary>
        public int Disagreements { get; init; }

        public string Value => ValueText(Low, High, Qualifier, Vague);

        public string ArticlePath => ArticleLinks.Sentence(ArticleId, SentenceStart, SentenceLength);
    }

    /// <summary>"over 1,300", "60–120", "dozens": a value as the outlet gave it.</summary>
    public static string ValueText(decimal? low, decimal? high, string? qualifier, string? vague) =>
        vague ?? string.Join(" ", new[]
        {
            qualifier,
            low == high ? $"{low:#,0.##}" : $"{low:#,0.##}–{high:#,0.##}",
        }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>The figures asked for, and by id.</summary>
    /// <param name="Cut">Figures were left out: past <see cref="Limit"/> for one measure, or past <see cref="PerMeasure"/> of some measure without one.</param>
    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyDictionary<long, Row> ById, bool Cut);

    public static async Task<Result> RowsAsync(KazakhDbContext db, string? measure, CancellationToken ct)
    {
        var filtered = !string.IsNullOrWhiteSpace(measure);
        // A measure is compared only with itself (FigureTracks), so a filtered page loads that measure alone.
        IReadOnlyList<string> measures = filtered ? [measure!] : await MeasuresAsync(db, ct);
        var limit = filtered ? Limit : PerMeasure;
        var rows = new List<Loaded>();
        var cut = false;
        foreach (var m in measures)
        {
            var some = await LoadAsync(db, m, limit + 1, ct);
            cut |= some.Count > limit;
            rows.AddRange(some.Take(limit));
        }

        var tracks = FigureTracks.Mark(rows.Select(r => new FigureClaim(r.Row.Id, r.Row.ArticleId, r.Row.Measure, r.Row.Low, r.Row.High, r.Row.Qualifier,
            r.Row.Vague, r.Row.Unit, r.Row.Change, r.Row.AttributedTo, r.Row.OutletSlug, r.Row.ReferenceDay, r.FirstSeenAt, r.Row.Place, r.Row.Background)));

        // Attributions and places that name a known entity show its name.
        var ids = rows.SelectMany(r => new[] { r.Row.AttributedTo, r.Row.Place }).OfType<string>().Distinct().ToList();
        var names = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var all = rows.Select(r =>
        {
            var track = tracks.GetValueOrDefault(r.Row.Id, FigureTrack.None);
            return r.Row with
            {
                AttributedTo = r.Row.AttributedTo is { } id && names.TryGetValue(id, out var name) ? name : r.Row.AttributedTo,
                PlaceName = r.Row.Place is { } place ? names.GetValueOrDefault(place, place) : null,
                RevisionOf = track.RevisionOf,
                Revision = track.Direction?.ToString().ToLowerInvariant(),
                DisagreesWith = [.. track.DisagreesWith.Take(MaxDisagreements)],
                Disagreements = track.DisagreesWith.Count,
            };
        }).ToList();

        return new Result(all, all.ToDictionary(r => r.Id), cut);
    }

    public static async Task<IReadOnlyList<string>> MeasuresAsync(KazakhDbContext db, CancellationToken ct) =>
        await db.ArticleFigures.AsNoTracking().Where(f => f.Article.OnTopic).Select(f => f.Measure).Distinct().OrderBy(m => m).ToListAsync(ct);

    private sealed record Loaded(Row Row, DateTimeOffset FirstSeenAt);

    private static async Task<List<Loaded>> LoadAsync(KazakhDbContext db, string measure, int take, CancellationToken ct)
    {
        var loaded = await db.ArticleFigures.AsNoTracking()
            .Where(f => f.Article.OnTopic && f.Measure == measure)
            .OrderBy(f => f.Article.PublishedAt ?? f.Article.FirstSeenAt).ThenBy(f => f.Id)
            .Take(take)
            .Select(f => new
            {
                Row = new Row(f.Id, f.Measure, f.Low, f.High, f.Qualifier, f.Vague, f.Unit, f.Change, f.AttributedTo, f.AttributionText,
                    f.Date, f.Article.PublishedAt, f.Article.Outlet.Name, f.Article.Outlet.Slug, f.Article.Outlet.Kind, f.ArticleId, f.Article.Title,
                    f.SentenceStart, f.SentenceLength, f.Sentence, f.Article.IsSample, f.Place, f.Background),
                f.Article.InferredPublishedOn,
                f.Article.FirstSeenAt,
            })
            .ToListAsync(ct);
        return [.. loaded.Select(l => new Loaded(
            l.Row with { ReferenceDay = FigureTracks.ReferenceDay(l.Row.Date, l.Row.PublishedAt, l.InferredPublishedOn, l.Row.Background) }, l.FirstSeenAt))];
    }
}
