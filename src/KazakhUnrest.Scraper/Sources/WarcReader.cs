using System.Globalization;
using System.IO.Compression;
using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Streams the response records out of a WARC/1.0 or 1.1 file, plain or .warc.gz. A .warc.gz holds one
/// gzip member per record, and GZipStream reads concatenated members, so the file is one stream.
/// Other record types are passed over; damage ends the stream with <see cref="WarcFormatException"/>
/// after every good record before it has been yielded.
/// </summary>
public static class WarcReader
{
    public const long DefaultMaxRecordBytes = 50L * 1024 * 1024;

    /// <param name="onSkipped">Told about response records left out (too large, not HTTP, undecodable body), with the reason.</param>
    public static IEnumerable<WarcResponse> ReadFile(string path, long maxRecordBytes = DefaultMaxRecordBytes, Action<string>? onSkipped = null)
    {
        using var file = File.OpenRead(path);
        foreach (var response in Read(file, maxRecordBytes, onSkipped))
        {
            yield return response;
        }
    }

    /// <summary>Reads a WARC stream; gzip is recognised by its magic bytes when the stream can seek (wrap others in a GZipStream yourself).</summary>
    public static IEnumerable<WarcResponse> Read(Stream stream, long maxRecordBytes = DefaultMaxRecordBytes, Action<string>? onSkipped = null)
    {
        var input = new WarcInput(IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream);
        while (true)
        {
            var record = Guard(input, () => NextRecord(input, maxRecordBytes, onSkipped));
            if (record is null)
            {
                yield break;
            }

            if (record.Response is { } response)
            {
                yield return response;
            }
        }
    }

    private sealed record Record(WarcResponse? Response);

    private static Record? NextRecord(WarcInput input, long maxRecordBytes, Action<string>? onSkipped)
    {
        var offset = input.Position;
        var version = SkipBlankLines(input);
        if (version is null)
        {
            return null;
        }

        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new WarcFormatException($"expected a WARC record header, found \"{ArchiveJson.Shorten(version)}\"", offset);
        }

        var headers = ReadHeaders(input, offset);
        var length = ContentLength(headers, offset);
        var target = headers.GetValueOrDefault("WARC-Target-URI");
        if (!string.Equals(headers.GetValueOrDefault("WARC-Type"), "response", StringComparison.OrdinalIgnoreCase))
        {
            input.SkipBlock(length);
            return new Record(null);
        }

        if (length > maxRecordBytes)
        {
            input.SkipBlock(length);
            onSkipped?.Invoke($"response record for {target} at byte {offset:N0} is {length:N0} bytes, over the {maxRecordBytes:N0}-byte cap");
            return new Record(null);
        }

        return new Record(Response(headers, input.ReadBlock(length), offset, maxRecordBytes, onSkipped));
    }

    private static WarcResponse? Response(Dictionary<string, string> headers, byte[] block, long offset, long maxRecordBytes,
        Action<string>? onSkipped)
    {
        var target = headers.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>');
        try
        {
            var http = HttpResponseBlock.Parse(block, maxRecordBytes);
            return new WarcResponse(Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri : null,
                TolerantDate.Parse(headers.GetValueOrDefault("WARC-Date")), headers.GetValueOrDefault("WARC-Record-ID"),
                http.StatusCode, http.Headers, http.Body, offset);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or BodyTooLargeException)
        {
            onSkipped?.Invoke($"response record for {target} at byte {offset:N0} left out: {ex.Message}");
            return null;
        }
    }

    private static string? SkipBlankLines(WarcInput input)
    {
        string? line;
        do
        {
            line = input.ReadLine();
        }
        while (line is { Length: 0 });

        return line;
    }

    private static Dictionary<string, string> ReadHeaders(WarcInput input, long offset)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                return headers;
            }

            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        throw new WarcFormatException("the file is truncated inside a record header", offset);
    }

    private static long ContentLength(Dictionary<string, string> headers, long offset) =>
        long.TryParse(headers.GetValueOrDefault("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : throw new WarcFormatException("a record has no valid Content-Length", offset);

    private static Record? Guard(WarcInput input, Func<Record?> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException and not FileNotFoundException)
        {
            throw new WarcFormatException($"the compressed file is corrupt or truncated: {ex.Message}", input.Position, ex);
        }
    }

    private static bool IsGzip(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        var start = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 2 && magic is [0x1F, 0x8B];
    }
}
