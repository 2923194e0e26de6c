using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Search;

[OutputCache(PolicyName = PageCache.Policy)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SearchLimits.Policy)]
public sealed class IndexModel(KazakhDbContext db, SearchNames names, IOptions<SiteOptions> site) : PageModel
{
    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);
    public SearchQueries.Options Options { get; private set; } = new("on", "relevance", "articles", 1, 25);
    public SearchQueries.Found? Found { get; private set; }

    public async Task OnGetAsync(string? q, string? topic, string? sort, string? view, int? p, CancellationToken ct)
    {
        Query = SearchQuery.Parse(q);
        Options = new SearchQueries.Options(SearchQueries.Options.NormalizeTopic(topic), SearchQueries.Options.NormalizeSort(sort),
            SearchQueries.Options.NormalizeView(view), Math.Max(1, p ?? 1), site.Value.PageSize);
        if (!string.IsNullOrWhiteSpace(q))
        {
            Found = await SearchQueries.SearchAsync(db, names, Query, Options, ct);
        }
    }

    /// <summary>This search's address with some of its options changed (the query given as typed, or kept).</summary>
    public string Link(string? q = null, string? topic = null, string? sort = null, string? view = null, int? page = null) =>
        "/search?" + new SavedSearches.Saved(q is null ? Query : SearchQuery.Parse(q), topic ?? Options.Topic, sort ?? Options.Sort, view ?? Options.View).QueryString
        + (page is > 1 ? $"&p={page}" : "");

    /// <summary>The Atom feed of this search's newest matches (its order and view do not change what a feed lists).</summary>
    public string FeedLink => "/search/feed?" + new SavedSearches.Saved(Query, Options.Topic, "relevance", "articles").QueryString;

    /// <summary>The article's address, carrying the query so its page marks the matching words.</summary>
    public string ArticleLink(long id) => $"/articles/{id}?q={Uri.EscapeDataString(Query.Text)}";
}
