using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Search;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Stories;
using KazakhUnrest.Web.Tags;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Stories;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(KazakhDbContext db, SearchNames names, IOptions<SiteOptions> options) : PageModel
{
    public StoryQueries.ListPage Result { get; private set; } = null!;
    public StoryQueries.Sort Sort { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public string? Country { get; private set; }
    public string? Actor { get; private set; }
    public string? Tag { get; private set; }

    /// <summary>The search narrowing the list (?q=, the syntax of /search); null without one.</summary>
    public SearchQuery? Search { get; private set; }

    /// <summary>Why the search cannot run; the list is then empty.</summary>
    public string? SearchError { get; private set; }
    public ILookup<long, TagQueries.Chip> Tags { get; private set; } = Array.Empty<TagQueries.Chip>().ToLookup(_ => 0L);
    public IReadOnlyList<EntityFilters.Option> Countries { get; private set; } = [];
    public IReadOnlyList<EntityFilters.Option> Actors { get; private set; } = [];

    public async Task OnGetAsync(string? sort, DateOnly? from, DateOnly? to, string? country, string? actor, string? tag, string? q, int? p,
        CancellationToken ct)
    {
        (Sort, From, To) = (StoryQueries.ParseSort(sort), from, to);
        (Country, Actor) = (EntityFilters.NormalizeCountry(country), EntityFilters.Normalize(actor));
        Tag = TagQueries.Normalize(tag);
        SearchQueries.Matching? matching = null;
        if (!string.IsNullOrWhiteSpace(q))
        {
            Search = SearchQuery.Parse(q);
            matching = await SearchQueries.MatchingArticlesAsync(db, names, Search, "on", ct);
            SearchError = matching.Error;
        }

        Result = await StoryQueries.ListAsync(db, Sort, from, to, Country, Actor, Tag, p ?? 1, options.Value.PageSize, ct, matching);
        if (matching is not null)
        {
            Result = Result with { Query = Search!.Text, Problems = matching.Problems };
        }

        Tags = await TagQueries.ForStoriesAsync(db, [.. Result.Items.Select(s => s.Id)], ct);
        (Countries, Actors) = await EntityFilters.OptionsAsync(db, ct);
    }

    public string Link(int page, StoryQueries.Sort? sort = null)
    {
        var query = new List<string> { $"sort={((sort ?? Sort) == StoryQueries.Sort.MostCovered ? "most" : "latest")}" };
        if (From is { } f)
        {
            query.Add($"from={f:yyyy-MM-dd}");
        }

        if (To is { } t)
        {
            query.Add($"to={t:yyyy-MM-dd}");
        }

        query.AddRange(EntityFilters.Query(Country, Actor));
        if (Tag is not null)
        {
            query.Add($"tag={Uri.EscapeDataString(Tag)}");
        }

        if (Search is not null)
        {
            query.Add($"q={Uri.EscapeDataString(Search.Text)}");
        }

        if (page > 1)
        {
            query.Add($"p={page}");
        }

        return "/stories?" + string.Join('&', query);
    }
}
