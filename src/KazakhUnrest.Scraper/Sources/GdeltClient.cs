using System.Globalization;
using System.Runtime.CompilerServices;
using KazakhUnrest.Scraper.Fetching;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Finds article URLs through the GDELT DOC 2.0 API (mode=ArtList). GDELT returns at most 250 records per
/// call, so a range is asked one day at a time, and a day that fills the cap is halved until it does not.
/// </summary>
public sealed class GdeltClient(PoliteFetcher fetcher, IOptions<ArchiveOptions> options)
{
    private const string Stamp = "yyyyMMddHHmmss";

    private readonly ArchiveOptions _options = options.Value;

    /// <summary>Every window of [<paramref name="from"/>, <paramref name="to"/>) in time order; failed windows carry an Error.</summary>
    public async IAsyncEnumerable<GdeltWindow> SearchAsync(string query, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var (start, end) in DayWindows(from.ToUniversalTime(), to.ToUniversalTime()))
        {
            await foreach (var window in SearchWindowAsync(query, start, end, ct))
            {
                yield return window;
            }
        }
    }

    /// <summary>One call for [<paramref name="start"/>, <paramref name="end"/>); no splitting.</summary>
    public async Task<GdeltWindow> FetchWindowAsync(string query, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var (articles, error, fetch) = await ArchiveFetch.GetAsync(fetcher, BuildUrl(query, start, end), "GDELT", GdeltResponseParser.Parse, ct);
        return new GdeltWindow(start, end, articles, error, false, fetch);
    }

    /// <summary>The ArtList URL; the end is sent one second early because GDELT treats enddatetime as inclusive.</summary>
    public Uri BuildUrl(string query, DateTimeOffset start, DateTimeOffset end)
    {
        var parameters = new (string Name, string Value)[]
        {
            ("query", query),
            ("mode", "ArtList"),
            ("format", "json"),
            ("maxrecords", _options.GdeltMaxRecords.ToString(CultureInfo.InvariantCulture)),
            ("startdatetime", start.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)),
            ("enddatetime", end.AddSeconds(-1).UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)),
            ("sort", "DateAsc"),
        };
        return QueryString.Append(_options.GdeltBaseUrl, parameters);
    }

    private async IAsyncEnumerable<GdeltWindow> SearchWindowAsync(string query, DateTimeOffset start, DateTimeOffset end,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var window = await FetchWindowAsync(query, start, end, ct);
        var full = window.Error is null && window.Articles.Count >= _options.GdeltMaxRecords;
        var half = (end - start) / 2;
        if (!full || half < _options.GdeltMinWindow)
        {
            yield return window with { Incomplete = full };
            yield break;
        }

        foreach (var (partStart, partEnd) in new[] { (start, start + half), (start + half, end) })
        {
            await foreach (var part in SearchWindowAsync(query, partStart, partEnd, ct))
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> DayWindows(DateTimeOffset from, DateTimeOffset to)
    {
        for (var start = from; start < to; start = start.AddDays(1))
        {
            var end = start.AddDays(1);
            yield return (start, end < to ? end : to);
        }
    }
}
