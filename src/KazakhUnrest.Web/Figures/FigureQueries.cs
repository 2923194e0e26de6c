using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Figures;

/// <summary>Every reported figure with its outlet, attribution and sentence; shared by /figures, its CSV and /api/figures.</summary>
public static class FigureQueries
{
    // A page and an export stay bounded; filter by measure to see the rest.
    public const int Limit = 2000;

    public sealed record Row(long Id, string Measure, decimal? Low, decimal? High, string? Qualifier, string? Vague, string Unit, string? Change,
        string? AttributedTo, string? Attribution, DateOnly? Date, DateTimeOffset? PublishedAt, string Outlet, string OutletSlug, OutletKind OutletKind,
        long ArticleId, string ArticleTitle, int SentenceStart, string Sentence, bool IsSample)
    {
        /// <summary>"over 1,300", "60–120", "dozens": the value as the outlet gave it.</summary>
        public string Value => Vague ?? string.Join(" ", new[]
            {
                Qualifier,
                Low == High ? $"{Low:#,0.##}" : $"{Low:#,0.##}–{High:#,0.##}",
            }.Where(p => !string.IsNullOrEmpty(p)));

        public string ArticlePath => SentenceStart >= 0 ? $"/articles/{ArticleId}#s{SentenceStart}" : $"/articles/{ArticleId}";
    }

    public static async Task<IReadOnlyList<Row>> RowsAsync(KazakhDbContext db, string? measure, CancellationToken ct)
    {
        var query = db.ArticleFigures.AsNoTracking().Where(f => f.Article.OnTopic);
        if (!string.IsNullOrWhiteSpace(measure))
        {
            query = query.Where(f => f.Measure == measure);
        }

        var rows = await query
            .OrderBy(f => f.Measure).ThenBy(f => f.Article.PublishedAt ?? f.Article.FirstSeenAt).ThenBy(f => f.Id)
            .Take(Limit)
            .Select(f => new Row(f.Id, f.Measure, f.Low, f.High, f.Qualifier, f.Vague, f.Unit, f.Change, f.AttributedTo, f.AttributionText,
                f.Date, f.Article.PublishedAt, f.Article.Outlet.Name, f.Article.Outlet.Slug, f.Article.Outlet.Kind, f.ArticleId, f.Article.Title,
                f.SentenceStart, f.Sentence, f.Article.IsSample))
            .ToListAsync(ct);

        // Attributions that name a known entity show its name.
        var ids = rows.Where(r => r.AttributedTo is not null).Select(r => r.AttributedTo!).Distinct().ToList();
        var names = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return [.. rows.Select(r => r.AttributedTo is { } id && names.TryGetValue(id, out var name) ? r with { AttributedTo = name } : r)];
    }

    public static async Task<IReadOnlyList<string>> MeasuresAsync(KazakhDbContext db, CancellationToken ct) =>
        await db.ArticleFigures.AsNoTracking().Where(f => f.Article.OnTopic).Select(f => f.Measure).Distinct().OrderBy(m => m).ToListAsync(ct);
}
