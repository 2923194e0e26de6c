using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Stories;
using KazakhUnrest.Web.Timeline;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Tags;

/// <summary>
/// "All N matching this filter": the list a bulk action came from and its filters. The server finds the articles again
/// from these, so what is tagged is what the filter selects now, never a list of ids the browser claims it matched.
/// </summary>
/// <param name="List">"articles" (the article list's filters), "story" (<see cref="Story"/>'s articles) or "day" (the articles a timeline day's entries cite).</param>
public sealed record BulkSelection(string? List, string? Outlet, string? Topic, string? Country, string? Actor, string? Tag, long? Story, DateOnly? Day,
    string? Kind)
{
    public const string Articles = "articles", StoryList = "story", DayList = "day";

    public static BulkSelection ForArticles(string? outlet, string topic, string? country, string? actor, string? tag) =>
        new(Articles, outlet, topic, country, actor, tag, null, null, null);

    public static BulkSelection ForStory(long story) => new(StoryList, null, null, null, null, null, story, null, null);

    public static BulkSelection ForDay(TimelineQueries.Filters filters, DateOnly day) =>
        new(DayList, filters.Outlet, null, filters.Country, filters.Actor, filters.Tag, null, day, filters.Kind?.ToString());

    /// <summary>The articles the selection names now, or null when it names no list this site has.</summary>
    public async Task<long[]?> ArticleIdsAsync(KazakhDbContext db, CancellationToken ct)
    {
        switch (List ?? Articles)
        {
            case Articles:
                return await db.Articles.AsNoTracking()
                    .Filter(EntityFilters.Normalize(Outlet), ArticleFilters.NormalizeTopic(Topic))
                    .Mentioning(EntityFilters.NormalizeCountry(Country), EntityFilters.Normalize(Actor))
                    .TaggedWith(db, TagQueries.Normalize(Tag))
                    .Select(a => a.Id).ToArrayAsync(ct);
            case StoryList when Story is { } story:
                // What the story page lists: its on-topic articles, copies included.
                var final = await StoryQueries.FinalIdAsync(db, story, ct);
                return await db.Articles.AsNoTracking().Where(a => a.StoryId == final && a.OnTopic).Select(a => a.Id).ToArrayAsync(ct);
            case DayList when Day is { } day:
                return await TimelineQueries.DayArticleIdsAsync(db, TimelineQueries.Filters.From(Country, Actor, Outlet, Kind, Tag), day, ct);
            default:
                return null;
        }
    }
}
