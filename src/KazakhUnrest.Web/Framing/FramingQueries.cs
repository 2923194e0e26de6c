using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Framing;

/// <summary>Loaded terms counted across the collection: by outlet, by outlet kind and, inside quotes, by speaker; shared by /framing and /api/framing.</summary>
public static class FramingQueries
{
    // The sentences behind one count: enough to read the pattern, bounded for a term used ten thousand times.
    public const int MaxUses = 200;

    /// <summary>Uses of one term in one voice by one outlet, and in how many of its articles.</summary>
    public sealed record Count(string Term, FramingVoice Voice, int OutletId, string Outlet, string OutletSlug, OutletKind Kind, string? SpeakerId, string? Speaker,
        int Uses, int Articles);

    public sealed record OutletArticles(int OutletId, string Outlet, string OutletSlug, OutletKind Kind, int Articles);

    public sealed record Summary(IReadOnlyList<Count> Counts, IReadOnlyList<OutletArticles> Outlets, IReadOnlyDictionary<string, string> SpeakerNames);

    public sealed record Use(long ArticleId, string Title, string Outlet, OutletKind Kind, DateTimeOffset? PublishedAt, string Surface, FramingVoice Voice,
        string? Speaker, int SentenceStart, int SentenceLength, string Sentence, bool IsSample)
    {
        public string ArticlePath => ArticleLinks.Sentence(ArticleId, SentenceStart, SentenceLength);
    }

    /// <summary>Whose word a use is, as the framing and comparison pages say it.</summary>
    public static string DescribeVoice(FramingVoice voice, string? speaker) => voice switch
    {
        FramingVoice.Speaker => $"quoting {speaker}",
        FramingVoice.Distanced => "in quotation marks, nobody named",
        _ => "in the outlet's own voice",
    };

    public static async Task<Summary> SummaryAsync(KazakhDbContext db, CancellationToken ct)
    {
        var counts = await db.ArticleFramings.AsNoTracking()
            .Where(f => f.Article.OnTopic)
            .GroupBy(f => new { f.Term, f.Voice, f.Article.OutletId, f.Article.Outlet.Name, f.Article.Outlet.Slug, f.Article.Outlet.Kind, f.SpeakerId, f.Speaker })
            .Select(g => new Count(g.Key.Term, g.Key.Voice, g.Key.OutletId, g.Key.Name, g.Key.Slug, g.Key.Kind, g.Key.SpeakerId, g.Key.Speaker,
                g.Count(), g.Select(f => f.ArticleId).Distinct().Count()))
            .ToListAsync(ct);
        var outlets = await db.Articles.AsNoTracking().Where(a => a.OnTopic)
            .GroupBy(a => new { a.OutletId, a.Outlet.Name, a.Outlet.Slug, a.Outlet.Kind })
            .Select(g => new OutletArticles(g.Key.OutletId, g.Key.Name, g.Key.Slug, g.Key.Kind, g.Count()))
            .ToListAsync(ct);
        var ids = counts.Where(c => c.SpeakerId is not null).Select(c => c.SpeakerId!).Distinct().ToList();
        var names = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return new Summary(counts, outlets, names);
    }

    /// <summary>The sentences using a term, newest report first, narrowed to a voice, an outlet, an outlet kind or a speaker.</summary>
    public static async Task<IReadOnlyList<Use>> UsesAsync(KazakhDbContext db, string term, FramingVoice? voice, string? outlet, OutletKind? kind, string? speaker,
        CancellationToken ct)
    {
        var query = db.ArticleFramings.AsNoTracking().Where(f => f.Term == term && f.Article.OnTopic);
        if (voice is { } v)
        {
            query = query.Where(f => f.Voice == v);
        }

        if (!string.IsNullOrEmpty(outlet))
        {
            query = query.Where(f => f.Article.Outlet.Slug == outlet);
        }

        if (kind is { } k)
        {
            query = query.Where(f => f.Article.Outlet.Kind == k);
        }

        if (!string.IsNullOrEmpty(speaker))
        {
            query = query.Where(f => f.SpeakerId == speaker || (f.SpeakerId == null && f.Speaker == speaker));
        }

        return await query
            .OrderByDescending(f => f.Article.PublishedAt ?? f.Article.FirstSeenAt).ThenBy(f => f.Id)
            .Take(MaxUses)
            .Select(f => new Use(f.ArticleId, f.Article.Title, f.Article.Outlet.Name, f.Article.Outlet.Kind, f.Article.PublishedAt, f.Surface, f.Voice,
                f.Speaker, f.SentenceStart, f.SentenceLength, f.Sentence, f.Article.IsSample))
            .ToListAsync(ct);
    }
}
