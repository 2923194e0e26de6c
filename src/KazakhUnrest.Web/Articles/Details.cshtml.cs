using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Articles;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(KazakhDbContext db, SearchNames names) : PageModel
{
    public Article Article { get; private set; } = null!;
    public CaptureInfo? Capture { get; private set; }
    public CitedSentences.Result Body { get; private set; } = null!;
    public EntityFilters.EntityLinks Entities { get; private set; } = new([], "");

    /// <summary>The sentence asked for with ?s=&amp;l=, when it lies outside every body block (shown above the body instead).</summary>
    public string? CitedOutsideBody { get; private set; }
    public int? CitedStart { get; private set; }

    /// <summary>The search the reader came from (?q=), whose words and names are marked; null without one.</summary>
    public SearchQuery? Search { get; private set; }

    /// <summary>The title cut at the search's matches.</summary>
    public IReadOnlyList<Search.SearchQueries.Span> Title { get; private set; } = [];

    /// <summary>How many stretches of the title and text the search marked.</summary>
    public int MarkCount { get; private set; }

    /// <summary>Why the search cannot be read, or what was read differently from how it was typed.</summary>
    public IReadOnlyList<string> SearchNotes { get; private set; } = [];

    private const int MaxEntities = 30;

    public sealed record CaptureInfo(long Id, CaptureOrigin Origin, string? OriginDetail, string Url, DateTimeOffset FetchedAt,
        string? ContentType, long Length, string ContentHash);

    public async Task<IActionResult> OnGetAsync(long id, int? s, int? l, string? q, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Include(a => a.Outlet)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        var anchors = await db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == id)
            .Select(e => new CitedSentences.Span(e.SentenceStart, e.SentenceLength)).ToListAsync(ct);
        CitedSentences.Span? marked = s is { } start && l is { } length ? new(start, length) : null;
        IReadOnlyList<CitedSentences.Span> matches = [];
        Title = [new Search.SearchQueries.Span(article.Title, false)];
        if (!string.IsNullOrWhiteSpace(q))
        {
            Search = SearchQuery.Parse(q);
            var marks = await SearchQueries.MarksAsync(db, names, Search, id, ct);
            matches = [.. marks.Text.Select(m => new CitedSentences.Span(m.Start, m.Length))];
            Title = CitedSentences.Runs(article.Title, 0, article.Title.Length, [.. marks.Title.Select(m => new CitedSentences.Span(m.Start, m.Length))]);
            MarkCount = marks.Title.Count + marks.Text.Count;
            SearchNotes = marks.Error is { } error ? [.. marks.Problems, error] : marks.Problems;
        }

        Body = CitedSentences.Split(article.Text, article.Body, anchors, marked, matches);
        if (marked is { } m && !Body.MarkedPlaced && m.Start >= 0 && m.Length > 0 && m.End <= article.Text.Length)
        {
            (CitedOutsideBody, CitedStart) = (article.Text.Substring(m.Start, m.Length), m.Start);
        }

        var entities = await db.ArticleEntities.AsNoTracking().Where(x => x.ArticleId == id)
            .OrderByDescending(x => x.Mentions).ThenBy(x => x.Entity.Name)
            .Take(MaxEntities)
            .Select(x => new EntityFilters.EntityLink(x.EntityId, x.Entity.Name, x.Entity.Kind, x.Mentions))
            .ToListAsync(ct);
        Entities = new(entities, "mentions");
        if (article.CaptureId is { } captureId)
        {
            Capture = await db.Captures.AsNoTracking()
                .Where(c => c.Id == captureId)
                .Select(c => new CaptureInfo(c.Id, c.Origin, c.OriginDetail, c.Url, c.FetchedAt, c.ContentType, c.Length, c.ContentHash))
                .FirstOrDefaultAsync(ct);
        }

        return Page();
    }
}
