using System.Net.Http.Headers;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>A WARC response record: the HTTP response a crawler received, body de-chunked and decompressed.</summary>
/// <param name="Offset">Where the record starts in the (uncompressed) WARC stream, for error reports and re-reading.</param>
public sealed record WarcResponse(
    Uri? TargetUri,
    DateTimeOffset? Date,
    string? RecordId,
    int StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> HttpHeaders,
    byte[] Body,
    long Offset)
{
    /// <summary>The first HTTP header of that name, case-insensitive.</summary>
    public string? Header(string name) =>
        HttpHeaders.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? ContentType => Header("Content-Type");

    /// <summary>The body as text, with the same charset rules as a live fetch.</summary>
    public string DecodeText()
    {
        var charset = MediaTypeHeaderValue.TryParse(ContentType, out var type) ? type.CharSet : null;
        return CharsetDetector.Detect(Body, charset).Decode(Body);
    }
}
