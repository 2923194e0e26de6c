using System.Globalization;
using KazakhUnrest.Scraper.Fetching;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Archived copies from the Wayback Machine: the CDX API lists snapshots of a URL, and the raw
/// "id_" form of a snapshot URL returns the page as captured, without the archive's toolbar and rewriting.
/// </summary>
public sealed class WaybackClient(PoliteFetcher fetcher, IOptions<ArchiveOptions> options)
{
    private readonly ArchiveOptions _options = options.Value;

    /// <summary>Snapshots of <paramref name="url"/> that answered 200, oldest first, between the dates (inclusive).</summary>
    public async Task<WaybackLookup> FindSnapshotsAsync(Uri url, DateOnly? from, DateOnly? to, int limit, CancellationToken ct)
    {
        var (snapshots, error, fetch) = await ArchiveFetch.GetAsync(fetcher, BuildCdxUrl(url, from, to, limit), "Wayback CDX",
            WaybackCdxParser.Parse, ct);
        return new WaybackLookup(snapshots, error, fetch);
    }

    public Uri BuildCdxUrl(Uri url, DateOnly? from, DateOnly? to, int limit)
    {
        var parameters = new List<(string, string)> { ("url", url.AbsoluteUri), ("output", "json") };
        if (from is { } start)
        {
            parameters.Add(("from", start.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
        }

        if (to is { } end)
        {
            parameters.Add(("to", end.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
        }

        parameters.Add(("filter", "statuscode:200"));
        parameters.Add(("limit", limit.ToString(CultureInfo.InvariantCulture)));
        return QueryString.Append(_options.WaybackCdxUrl, parameters);
    }

    /// <summary>{WaybackBaseUrl}/web/{timestamp}id_/{original}: the capture as the archive received it.</summary>
    public Uri RawSnapshotUrl(WaybackSnapshot snapshot) =>
        new($"{_options.WaybackBaseUrl.AbsoluteUri.TrimEnd('/')}/web/{snapshot.Timestamp}id_/{snapshot.Original.AbsoluteUri}");

    public Task<FetchResult> FetchSnapshotAsync(WaybackSnapshot snapshot, CancellationToken ct) =>
        fetcher.FetchAsync(RawSnapshotUrl(snapshot), null, ct);
}
