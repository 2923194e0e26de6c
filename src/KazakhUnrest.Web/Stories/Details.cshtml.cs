using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Quotes;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Stories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Stories;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(KazakhDbContext db) : PageModel
{
    private const int MaxEntities = 30;

    // A story of hundreds of reports quotes the same people many times; the table needs each speaker's outlets, not every quote.
    private const int MaxQuotes = 2000;

    public sealed record QuotedOutlet(string Outlet, string OutletSlug, int Quotes, string SentencePath, string Example, QuoteKind Kind);

    /// <summary>One person or body quoted in the story, and the outlets that quote them, first to quote first.</summary>
    public sealed record Quoted(string? EntityId, string Name, IReadOnlyList<QuotedOutlet> Outlets);

    public StoryQueries.Detail Story { get; private set; } = null!;
    public IReadOnlyList<Quoted> QuotedBy { get; private set; } = [];
    public EntityFilters.EntityLinks Entities { get; private set; } = new([], "");
    public IReadOnlyList<StoryQueries.Related> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var final = await StoryQueries.FinalIdAsync(db, id, ct);
        if (final != id)
        {
            return RedirectPermanent($"/stories/{final}");
        }

        var story = await StoryQueries.GetAsync(db, id, ct);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        var entities = await db.ArticleEntities.AsNoTracking()
            .Where(x => x.Article.StoryId == id && x.Article.OnTopic)
            .GroupBy(x => new { x.EntityId, x.Entity.Name, x.Entity.Kind })
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Sum(x => x.Mentions)).ThenBy(g => g.Key.Name)
            .Take(MaxEntities)
            .Select(g => new EntityFilters.EntityLink(g.Key.EntityId, g.Key.Name, g.Key.Kind, g.Count()))
            .ToListAsync(ct);
        Entities = new(entities, "articles");
        QuotedBy = await QuotedByAsync(id, ct);
        Related = await StoryQueries.RelatedAsync(db, id, ct);
        return Page();
    }

    private async Task<IReadOnlyList<Quoted>> QuotedByAsync(long id, CancellationToken ct)
    {
        var quotes = await db.ArticleQuotes.AsNoTracking()
            .Where(q => q.Article.StoryId == id && q.Article.OnTopic && (q.SpeakerId != null || q.Speaker != null))
            .OrderBy(q => q.Article.PublishedAt ?? q.Article.FirstSeenAt).ThenBy(q => q.Id)
            .Take(MaxQuotes)
            .Select(q => new { q.SpeakerId, q.Speaker, q.Kind, q.Text, q.ArticleId, q.SentenceStart, q.SentenceLength, Outlet = q.Article.Outlet.Name, q.Article.Outlet.Slug })
            .ToListAsync(ct);
        var ids = quotes.Where(q => q.SpeakerId is not null).Select(q => q.SpeakerId!).Distinct().ToList();
        var names = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return [.. quotes
            .Where(q => ComparisonQueries.SpeakerKey(q.SpeakerId, q.Speaker) is not null)
            .GroupBy(q => ComparisonQueries.SpeakerKey(q.SpeakerId, q.Speaker)!)
            .Select(speaker => new Quoted(
                speaker.First().SpeakerId,
                speaker.First().SpeakerId is { } entity && names.TryGetValue(entity, out var name) ? name : speaker.First().Speaker ?? speaker.Key,
                [.. speaker.GroupBy(q => q.Slug).Select(outlet =>
                {
                    // A quote in the speaker's own words shows better than a claim reported about them.
                    var example = outlet.OrderBy(q => q.Kind).First();
                    return new QuotedOutlet(example.Outlet, outlet.Key, outlet.Count(), ArticleLinks.Sentence(example.ArticleId, example.SentenceStart, example.SentenceLength),
                        example.Text, example.Kind);
                })]))
            .OrderByDescending(q => q.Outlets.Count).ThenByDescending(q => q.Outlets.Sum(o => o.Quotes)).ThenBy(q => q.Name)];
    }

    public static string When(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm") + " UTC" : "not stated";
}
