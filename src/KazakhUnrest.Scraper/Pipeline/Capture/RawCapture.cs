using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>Step 1: the bytes as they arrived (fetched, read from a file, or cut from a WARC), before any extraction; kept with the article.</summary>
public sealed record RawCapture(
    Uri Url,
    byte[] Bytes,
    CaptureOrigin Origin,
    DateTimeOffset FetchedAt,
    string? ContentType = null,
    int? StatusCode = null,
    string? OriginDetail = null,
    int? SourceId = null)
{
    /// <summary>Plain-text captures (copied page text) get the text cleaner; everything else is HTML.</summary>
    public bool IsPlainText =>
        Origin == CaptureOrigin.TextFile
        || (ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) ?? false);
}
