using System.Net;
using System.Text.Json.Serialization;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Web.Search;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KazakhUnrest.Web.Timeline;

public static class TimelineApi
{
    /// <param name="OtherDays">Days with entries that are not among <paramref name="Days"/>: ask for one with ?day=.</param>
    /// <param name="Problems">What the search (<c>q</c>) read differently from how it was typed.</param>
    public sealed record TimelineResponse(TimelineQueries.Filters Filters, IReadOnlyList<TimelineQueries.Day> Days, IReadOnlyList<OtherDay> OtherDays,
        IReadOnlyList<string> Problems);

    public sealed record OtherDay(DateOnly Date, int Entries);

    public sealed record TimelineJsText(string Headline, string Text);

    public sealed record TimelineJsTitle(TimelineJsText Text);

    public sealed record TimelineJsDate(int Year, int Month, int Day);

    public sealed record TimelineJsEvent(
        [property: JsonPropertyName("start_date")] TimelineJsDate StartDate,
        TimelineJsText Text,
        string Group,
        [property: JsonPropertyName("unique_id")] string UniqueId);

    public sealed record TimelineJs(TimelineJsTitle Title, IReadOnlyList<TimelineJsEvent> Events);

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/timeline").CacheOutput(PageCache.Policy);
        api.MapGet("/", ListAsync);
        api.MapGet("/timelinejs", TimelineJsAsync);
        return app;
    }

    /// <summary>The timeline, narrowed by a search when <paramref name="q"/> is given; a search that cannot run answers 400 with the reason.</summary>
    private static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> ListAsync(KazakhDbContext db, SearchNames names,
        string? country, string? actor, string? outlet, string? kind, string? tag, string? q, DateOnly? day, CancellationToken ct)
    {
        var filters = await TimelineQueries.SearchAsync(db, names, TimelineQueries.Filters.From(country, actor, outlet, kind, tag, q), ct);
        if (filters.Matching?.Error is { } error)
        {
            return SearchQueries.InvalidQuery(error);
        }

        var page = await TimelineQueries.PageAsync(db, filters, day, ct);
        return TypedResults.Ok(new TimelineResponse(filters, page.Days, [.. page.OtherDays.Select(d => new OtherDay(d.Date, d.Entries))],
            filters.Matching?.Problems ?? []));
    }

    /// <summary>
    /// TimelineJS3's JSON format. TimelineJS renders "text" as HTML, so every piece of article text is encoded here.
    /// </summary>
    private static async Task<Results<Ok<TimelineJs>, ProblemHttpResult>> TimelineJsAsync(KazakhDbContext db, SearchNames names,
        string? country, string? actor, string? outlet, string? kind, string? tag, string? q, DateOnly? day, CancellationToken ct)
    {
        var filters = await TimelineQueries.SearchAsync(db, names, TimelineQueries.Filters.From(country, actor, outlet, kind, tag, q), ct);
        if (filters.Matching?.Error is { } error)
        {
            return SearchQueries.InvalidQuery(error);
        }

        var days = (await TimelineQueries.PageAsync(db, filters, day, ct)).Days;
        var events = days.SelectMany(d => d.Entries).Select(e => new TimelineJsEvent(
                new TimelineJsDate(e.Date.Year, e.Date.Month, e.Date.Day),
                new TimelineJsText(WebUtility.HtmlEncode(e.Summary), Describe(e)),
                EventKindLabels.Label(e.Kind),
                $"entry-{e.Id}"))
            .ToList();
        var title = new TimelineJsTitle(new TimelineJsText("Kazakhstan, January 2022",
            WebUtility.HtmlEncode($"{events.Count} dated events reported by news outlets.")));
        return TypedResults.Ok(new TimelineJs(title, events));
    }

    private static string Describe(TimelineQueries.Entry entry)
    {
        var reported = $"<p>Reported by {WebUtility.HtmlEncode(string.Join(", ", entry.Sources.Select(s => s.Outlet).Distinct()))}.</p>";
        return entry.SourcesDisagree
            ? reported + $"<p>Sources disagree: {WebUtility.HtmlEncode(entry.Disagreement)}.</p>"
            : reported;
    }
}
