namespace KazakhUnrest.Core.Data;

/// <summary>
/// The raw bytes as fetched or imported, kept compressed so extraction can be re-run
/// (<c>reprocess</c>) without fetching again.
/// </summary>
public sealed class Capture
{
    public long Id { get; set; }

    /// <summary>The URL the bytes came from (after redirects), or the page's own URL for imported files.</summary>
    public required string Url { get; set; }

    public CaptureOrigin Origin { get; set; }

    /// <summary>Imported file name or archive URL, for provenance.</summary>
    public string? OriginDetail { get; set; }

    public int? SourceId { get; set; }
    public Source? Source { get; set; }

    public DateTimeOffset FetchedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Charset { get; set; }

    /// <summary>Hex SHA-256 of the uncompressed bytes; identical captures are stored once.</summary>
    public required string ContentHash { get; set; }

    public long Length { get; set; }

    /// <summary>Brotli-compressed body.</summary>
    public required byte[] Compressed { get; set; }

    /// <summary>
    /// What extraction cut from this capture to stay within its limits (nesting flattened, elements past the cap, a title,
    /// paragraph or body cut, control characters removed), each with its original size; null when nothing was.
    /// </summary>
    public string? Cuts { get; set; }
}

public enum CaptureOrigin
{
    Http,
    Archive,
    HtmlFile,
    TextFile,
    Warc,
}
