using System.Globalization;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>One row of a Wayback CDX answer.</summary>
/// <param name="Timestamp">The capture time as the archive writes it (yyyyMMddHHmmss), needed verbatim to build snapshot URLs.</param>
public sealed record WaybackSnapshot(
    string UrlKey,
    string Timestamp,
    Uri Original,
    string? MimeType,
    int? StatusCode,
    string? Digest,
    long? Length)
{
    public DateTimeOffset? CapturedAt =>
        DateTimeOffset.TryParseExact(Timestamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}

/// <summary>The snapshots of one CDX query, or why the query failed.</summary>
public sealed record WaybackLookup(IReadOnlyList<WaybackSnapshot> Snapshots, string? Error, Fetching.FetchResult Fetch);
