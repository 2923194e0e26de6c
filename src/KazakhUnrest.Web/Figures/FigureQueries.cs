using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Figures;

/// <summary>Every reported figure with its outlet, attribution and sentence; shared by /figures, its CSV and /api/figures.</summary>
public static class FigureQueries
{
    // A page and an export stay bounded; filter by measure to see the rest.
    public const int Limit = 2000;

    public sealed record Row(long Id, string Measure, decimal? Low, decimal? High, string? Qualifier, string? Vague, string Unit, string? Change,
        string? AttributedTo, string? Attribution, DateOnly? Date, DateTimeOffset? PublishedAt, string Outlet, string OutletSlug, OutletKind OutletKind,
        long ArticleId, string ArticleTitle, int SentenceStart, int SentenceLength, string Sentence, bool IsSample)
    {
        /// <summary>The figure's date, else its article's publication day, else the day inferred from the article.</summary>
        public DateOnly? ReferenceDay { get; init; }

        /// <summary>The same source's previous, different figure for this measure (see <see cref="FigureTracks"/>).</summary>
        public long? RevisionOf { get; init; }

        /// <summary>"up", "down" or "changed" when the figure is a revision.</summary>
        public string? Revision { get; init; }

        /// <summary>Figures about the same day from other voices that cannot be true with this one.</summary>
        public IReadOnlyList<long> DisagreesWith { get; init; } = [];

        /// <summary>"over 1,300", "60–120", "dozens": the value as the outlet gave it.</summary>
        public string Value => Vague ?? string.Join(" ", new[]
            {
                Qualifier,
                Low == High ? $"{Low:#,0.##}" : $"{Low:#,0.##}–{High:#,0.##}",
            }.Where(p => !string.IsNullOrEmpty(p)));

        public string ArticlePath => CitedSentences.Path(ArticleId, SentenceStart, SentenceLength);
    }

    /// <summary>The figures asked for; <see cref="ById"/> also holds the related measures they were compared with.</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyDictionary<long, Row> ById, bool Cut);

    public static async Task<Result> RowsAsync(KazakhDbContext db, string? measure, CancellationToken ct)
    {
        var query = db.ArticleFigures.AsNoTracking().Where(f => f.Article.OnTopic);
        if (!string.IsNullOrWhiteSpace(measure))
        {
            // A count of armed criminals killed disagrees with a total killed: one measure is compared with its family.
            var family = FigureTracks.Family(measure);
            query = query.Where(f => family.Contains(f.Measure));
        }

        var loaded = await query
            .OrderBy(f => f.Measure).ThenBy(f => f.Article.PublishedAt ?? f.Article.FirstSeenAt).ThenBy(f => f.Id)
            .Take(Limit + 1)
            .Select(f => new
            {
                Row = new Row(f.Id, f.Measure, f.Low, f.High, f.Qualifier, f.Vague, f.Unit, f.Change, f.AttributedTo, f.AttributionText,
                    f.Date, f.Article.PublishedAt, f.Article.Outlet.Name, f.Article.Outlet.Slug, f.Article.Outlet.Kind, f.ArticleId, f.Article.Title,
                    f.SentenceStart, f.SentenceLength, f.Sentence, f.Article.IsSample),
                f.Article.InferredPublishedOn,
                f.Article.FirstSeenAt,
            })
            .ToListAsync(ct);
        var cut = loaded.Count > Limit;
        var rows = loaded.Take(Limit)
            .Select(l => (Row: l.Row with { ReferenceDay = FigureTracks.ReferenceDay(l.Row.Date, l.Row.PublishedAt, l.InferredPublishedOn) }, l.FirstSeenAt))
            .ToList();

        var tracks = FigureTracks.Mark(rows.Select(r => new FigureClaim(r.Row.Id, r.Row.ArticleId, r.Row.Measure, r.Row.Low, r.Row.High, r.Row.Qualifier,
            r.Row.Vague, r.Row.Unit, r.Row.Change, r.Row.AttributedTo, r.Row.OutletSlug, r.Row.ReferenceDay, r.FirstSeenAt)));

        // Attributions that name a known entity show its name.
        var ids = rows.Where(r => r.Row.AttributedTo is not null).Select(r => r.Row.AttributedTo!).Distinct().ToList();
        var names = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var all = rows.Select(r => r.Row).Select(r =>
        {
            var track = tracks.GetValueOrDefault(r.Id, FigureTrack.None);
            return r with
            {
                AttributedTo = r.AttributedTo is { } id && names.TryGetValue(id, out var name) ? name : r.AttributedTo,
                RevisionOf = track.RevisionOf,
                Revision = track.Direction?.ToString().ToLowerInvariant(),
                DisagreesWith = track.DisagreesWith,
            };
        }).ToList();

        return new Result(string.IsNullOrWhiteSpace(measure) ? all : [.. all.Where(r => r.Measure == measure)], all.ToDictionary(r => r.Id), cut);
    }

    public static async Task<IReadOnlyList<string>> MeasuresAsync(KazakhDbContext db, CancellationToken ct) =>
        await db.ArticleFigures.AsNoTracking().Where(f => f.Article.OnTopic).Select(f => f.Measure).Distinct().OrderBy(m => m).ToListAsync(ct);
}
