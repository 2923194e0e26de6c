using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Search;

public static class SearchApi
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchNames>();
        builder.Services.AddSearchLimits(builder.Configuration);
        return builder;
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).CacheOutput(PageCache.Policy).RequireRateLimiting(SearchLimits.Policy);
        app.MapMethods("/search/feed", [HttpMethods.Get, HttpMethods.Head], FeedAsync).RequireRateLimiting(SearchLimits.Policy);
        return app;
    }

    /// <summary>Entries in a search's feed: a reader polling it sees each new match; older ones are on the search page.</summary>
    private const int FeedSize = 50;

    /// <summary>
    /// The newest matching articles (copies folded, as in the list) as Atom 1.0, answering conditional GET. Entry ids are
    /// the articles' addresses on the site, so a reader never sees one article twice.
    /// </summary>
    private static async Task<IResult> FeedAsync(HttpRequest request, KazakhDbContext db, SearchNames names, string? q, string? topic, CancellationToken ct)
    {
        var query = SearchQuery.Parse(q);
        var options = new SearchQueries.Options(SearchQueries.Options.NormalizeTopic(topic), "date", "articles", 1, FeedSize, WithFacets: false);
        var found = await SearchQueries.SearchAsync(db, names, query, options, ct);
        if (found.Error is not null && (query.Error is not null || query.IsEmpty))
        {
            return TypedResults.Problem(found.Error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter: q");
        }

        var address = "?" + new SavedSearches.Saved(query, options.Topic, "relevance", "articles").QueryString;
        var lastChange = await db.Articles.MaxAsync(a => (DateTimeOffset?)a.UpdatedAt, ct) ?? DateTimeOffset.UnixEpoch;
        var feed = new AtomFeed(
            AtomFeed.Address(request, "/search/feed" + address).AbsoluteUri,
            $"KazakhUnrest search: {query.Text}",
            AtomFeed.Address(request, "/search/feed" + address),
            AtomFeed.Address(request, "/search" + address + "&sort=date"),
            [.. found.Results.Select(r => new AtomEntry(AtomFeed.Address(request, $"/articles/{r.Id}").AbsoluteUri, r.Title,
                AtomFeed.Address(request, $"/articles/{r.Id}"), r.PublishedAt, r.UpdatedAt, r.Outlet)
            {
                Summary = string.Join(" … ", r.Snippets.Select(s => string.Concat(s.Select(span => span.Text)))),
                Categories = [.. r.Mentions.Select(m => new AtomCategory(m))],
            })],
            lastChange)
        {
            Subtitle = found.Error ?? $"The newest of {found.Total:N0} articles matching the search, copies folded under their original.",
        };
        return AtomFeedWriter.Result(feed);
    }

    /// <summary>Results, facets and highlights as JSON; a query that cannot run answers 400 with the reason.</summary>
    private static async Task<Results<Ok<SearchQueries.Found>, ProblemHttpResult>> SearchAsync(KazakhDbContext db, SearchNames names,
        IOptions<SiteOptions> site, string? q, string? topic, string? sort, string? view, int? page, int? pageSize, CancellationToken ct)
    {
        if (page is < 1)
        {
            return TypedResults.Problem("page starts at 1.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid parameter: page");
        }

        var query = SearchQuery.Parse(q);
        var options = new SearchQueries.Options(SearchQueries.Options.NormalizeTopic(topic), SearchQueries.Options.NormalizeSort(sort),
            SearchQueries.Options.NormalizeView(view), page ?? 1, pageSize ?? site.Value.PageSize);
        var found = await SearchQueries.SearchAsync(db, names, query, options, ct);
        return query.Error is not null || query.IsEmpty
            ? TypedResults.Problem(found.Error, statusCode: StatusCodes.Status400BadRequest, title: query.IsEmpty ? "Invalid parameter: q (empty)" : "Invalid parameter: q")
            : TypedResults.Ok(found);
    }
}
