using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Tags;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Articles;

/// <summary>The article list's filters and order, shared by the page and /api/articles.</summary>
public static class ArticleFilters
{
    /// <summary>"on" (coverage, the default), "off" (what relevance set aside) or "all".</summary>
    public static string NormalizeTopic(string? topic) => topic is "off" or "all" ? topic : "on";

    /// <summary>The article list's filters as a reader or client types them (normalised here): what the list, its API and its download hold.</summary>
    public static IQueryable<Article> Listed(KazakhDbContext db, string? outlet, string? topic, string? country, string? actor, string? tag) =>
        db.Articles.AsNoTracking().Filter(outlet, NormalizeTopic(topic))
            .Mentioning(EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor))
            .TaggedWith(db, TagQueries.Normalize(tag));

    public static IQueryable<Article> Filter(this IQueryable<Article> query, string? outlet, string topic)
    {
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            query = query.Where(a => a.Outlet.Slug == outlet);
        }

        return topic switch
        {
            "off" => query.Where(a => !a.OnTopic),
            "on" => query.Where(a => a.OnTopic),
            _ => query,
        };
    }

    /// <summary>Newest first by the outlet's own date; first-seen stands in where the page printed none.</summary>
    public static IOrderedQueryable<Article> Newest(this IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishedAt ?? a.FirstSeenAt).ThenByDescending(a => a.Id);
}
