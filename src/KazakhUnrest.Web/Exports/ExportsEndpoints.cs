using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Stories;
using KazakhUnrest.Web.Tags;
using KazakhUnrest.Web.Timeline;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Exports;

/// <summary>
/// The lists as files to take away: articles, stories, timeline entries and quotes as CSV and JSON Lines (figures have
/// theirs beside the tracker, <c>/figures.csv</c> and <c>/figures.jsonl</c>). Each takes its page's filters, so the link on
/// a filtered page downloads what the page shows, every page of it; rows stream from the database (see <see cref="TableExport"/>).
/// </summary>
public static class ExportsEndpoints
{
    public sealed record ArticleRow(long Id, string Title, string Outlet, string OutletSlug, string Url, int Segment, DateTimeOffset? PublishedAt,
        bool PublishedInferred, DateOnly? InferredPublishedOn, DateTimeOffset FirstSeenAt, string? Language, bool OnTopic, long? StoryId,
        long? DuplicateOfId, bool IsSample);

    public sealed record StoryRow(long Id, string Headline, DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt, int ArticleCount,
        int OutletCount);

    /// <param name="Permalink">The entry's page on the site, which lists its sources with their sentences.</param>
    public sealed record TimelineRow(string Key, DateOnly Date, string Kind, string KindLabel, string Summary, int SourceCount, bool Conflict,
        string Permalink);

    /// <param name="Sentence">The sentence of the article the quote stands in, so it can be checked there.</param>
    public sealed record QuoteRow(long Id, long ArticleId, string ArticleTitle, string Outlet, long? StoryId, string Kind, string Text, string? Speaker,
        string? SpeakerId, string? Cue, string Sentence);

    private static readonly Column<ArticleRow>[] ArticleColumns =
    [
        new("id", r => TableExport.Number(r.Id)), new("title", r => r.Title), new("outlet", r => r.Outlet), new("outlet_slug", r => r.OutletSlug),
        new("url", r => r.Url), new("segment", r => TableExport.Number(r.Segment)), new("published_at", r => TableExport.Time(r.PublishedAt)),
        new("published_inferred", r => TableExport.Flag(r.PublishedInferred)), new("inferred_published_on", r => TableExport.Day(r.InferredPublishedOn)),
        new("first_seen_at", r => TableExport.Time(r.FirstSeenAt)), new("language", r => r.Language), new("on_topic", r => TableExport.Flag(r.OnTopic)),
        new("story_id", r => TableExport.Number(r.StoryId)), new("duplicate_of_id", r => TableExport.Number(r.DuplicateOfId)),
        new("sample", r => TableExport.Flag(r.IsSample)),
    ];

    private static readonly Column<StoryRow>[] StoryColumns =
    [
        new("id", r => TableExport.Number(r.Id)), new("headline", r => r.Headline), new("first_published_at", r => TableExport.Time(r.FirstPublishedAt)),
        new("last_published_at", r => TableExport.Time(r.LastPublishedAt)), new("articles", r => TableExport.Number(r.ArticleCount)),
        new("outlets", r => TableExport.Number(r.OutletCount)),
    ];

    private static readonly Column<TimelineRow>[] TimelineColumns =
    [
        new("key", r => r.Key), new("date", r => TableExport.Day(r.Date)), new("kind", r => r.Kind), new("kind_label", r => r.KindLabel),
        new("summary", r => r.Summary), new("sources", r => TableExport.Number(r.SourceCount)), new("sources_disagree", r => TableExport.Flag(r.Conflict)),
        new("permalink", r => r.Permalink),
    ];

    private static readonly Column<QuoteRow>[] QuoteColumns =
    [
        new("id", r => TableExport.Number(r.Id)), new("article_id", r => TableExport.Number(r.ArticleId)), new("article_title", r => r.ArticleTitle),
        new("outlet", r => r.Outlet), new("story_id", r => TableExport.Number(r.StoryId)), new("kind", r => r.Kind), new("text", r => r.Text),
        new("speaker", r => r.Speaker), new("speaker_id", r => r.SpeakerId), new("cue", r => r.Cue), new("sentence", r => r.Sentence),
    ];

    /// <summary>The export formats, by the file extension in the address.</summary>
    private enum Format
    {
        Csv,
        JsonLines,
    }

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        foreach (var (extension, format) in new[] { ("csv", Format.Csv), ("jsonl", Format.JsonLines) })
        {
            app.MapGet($"/articles.{extension}", (KazakhDbContext db, string? outlet, string? topic, string? country, string? actor, string? tag) =>
                Articles(db, format, outlet, topic, country, actor, tag));
            app.MapGet($"/stories.{extension}", (KazakhDbContext db, SearchNames names, string? sort, DateOnly? from, DateOnly? to, string? country,
                string? actor, string? tag, string? q, CancellationToken ct) => StoriesAsync(db, names, format, sort, from, to, country, actor, tag, q, ct));
            app.MapGet($"/timeline.{extension}", (KazakhDbContext db, SearchNames names, string? country, string? actor, string? outlet, string? kind,
                string? tag, string? q, CancellationToken ct) => TimelineAsync(db, names, format, country, actor, outlet, kind, tag, q, ct));
            app.MapGet($"/quotes.{extension}", (KazakhDbContext db, long? story, string? speaker) => Quotes(db, format, story, speaker));
        }

        return app;
    }

    /// <summary>The article list's rows in its order, copies included as on the list.</summary>
    private static IResult Articles(KazakhDbContext db, Format format, string? outlet, string? topic, string? country, string? actor, string? tag)
    {
        var rows = ArticleFilters.Listed(db, outlet, topic, country, actor, tag)
            .Newest()
            .Select(a => new ArticleRow(a.Id, a.Title, a.Outlet.Name, a.Outlet.Slug, a.CanonicalUrl, a.Segment, a.PublishedAt, a.PublishedInferred,
                a.InferredPublishedOn, a.FirstSeenAt, a.Language, a.OnTopic, a.StoryId, a.DuplicateOfId, a.IsSample))
            .AsAsyncEnumerable();
        return Write(rows, format, ArticleColumns, "articles");
    }

    /// <summary>The story list's rows in its order, narrowed by its search (<c>q</c>) as the list is.</summary>
    private static async Task<IResult> StoriesAsync(KazakhDbContext db, SearchNames names, Format format, string? sort, DateOnly? from, DateOnly? to,
        string? country, string? actor, string? tag, string? q, CancellationToken ct)
    {
        var matching = await SearchQueries.MatchingIfAskedAsync(db, names, q, ct);
        if (matching?.Error is { } error)
        {
            return SearchQueries.InvalidQuery(error);
        }

        var filtered = StoryQueries.Filtered(db, from, to, EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor),
            TagQueries.Normalize(tag), matching?.Ids);
        var rows = StoryQueries.Ordered(filtered, StoryQueries.ParseSort(sort))
            .Select(s => new StoryRow(s.Id, s.Headline, s.FirstPublishedAt, s.LastPublishedAt, s.ArticleCount, s.OutletCount))
            .AsAsyncEnumerable();
        return Write(rows, format, StoryColumns, "stories");
    }

    /// <summary>Every entry the timeline's filters leave, on every day, in day order (the page shows the core days first and the rest on demand).</summary>
    private static async Task<IResult> TimelineAsync(KazakhDbContext db, SearchNames names, Format format, string? country, string? actor, string? outlet,
        string? kind, string? tag, string? q, CancellationToken ct)
    {
        var filters = await TimelineQueries.SearchAsync(db, names, TimelineQueries.Filters.From(country, actor, outlet, kind, tag, q), ct);
        if (filters.Matching?.Error is { } error)
        {
            return SearchQueries.InvalidQuery(error);
        }

        var entries = await TimelineQueries.FilteredAsync(db, filters, withHidden: false, ct);
        var rows = entries.OrderBy(t => t.Date).ThenByDescending(t => t.SourceCount).ThenBy(t => t.Key)
            .Select(t => new { t.Key, t.Date, t.Kind, t.Summary, t.SourceCount, t.Conflict })
            .AsAsyncEnumerable()
            .Select(t => new TimelineRow(t.Key, t.Date, t.Kind, EventKindLabels.Label(t.Kind), t.Summary, t.SourceCount, t.Conflict, $"/timeline/entries/{t.Key}"));
        return Write(rows, format, TimelineColumns, "timeline");
    }

    /// <summary>Quotes of on-topic reports, of one story (<c>story</c>) or one speaker (<c>speaker</c>, an entity id) when asked.</summary>
    private static IResult Quotes(KazakhDbContext db, Format format, long? story, string? speaker)
    {
        var query = db.ArticleQuotes.AsNoTracking().Where(q => q.Article.OnTopic);
        if (story is { } id)
        {
            query = query.Where(q => q.Article.StoryId == id);
        }

        if (!string.IsNullOrWhiteSpace(speaker))
        {
            query = query.Where(q => q.SpeakerId == speaker);
        }

        var rows = query.OrderBy(q => q.ArticleId).ThenBy(q => q.Start)
            .Select(q => new { q.Id, q.ArticleId, q.Article.Title, Outlet = q.Article.Outlet.Name, q.Article.StoryId, q.Kind, q.Text, q.Speaker, q.SpeakerId, q.Cue, q.Sentence })
            .AsAsyncEnumerable()
            .Select(q => new QuoteRow(q.Id, q.ArticleId, q.Title, q.Outlet, q.StoryId, q.Kind.ToString(), q.Text, q.Speaker, q.SpeakerId, q.Cue, q.Sentence));
        return Write(rows, format, QuoteColumns, "quotes");
    }

    private static IResult Write<T>(IAsyncEnumerable<T> rows, Format format, IReadOnlyList<Column<T>> columns, string name) =>
        format == Format.Csv ? TableExport.Csv(rows, columns, name + ".csv") : TableExport.JsonLines(rows, name + ".jsonl");
}
