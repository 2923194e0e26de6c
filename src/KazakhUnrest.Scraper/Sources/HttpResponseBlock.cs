using System.Globalization;
using System.Text;
using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// The HTTP response stored in a WARC response record, as it came off the wire: crawlers keep
/// chunked framing and content coding, so both are undone here, under the record size cap.
/// </summary>
internal static class HttpResponseBlock
{
    public sealed record Parsed(int StatusCode, List<KeyValuePair<string, string>> Headers, byte[] Body);

    /// <exception cref="FormatException">The block is not an HTTP response or its body framing is broken.</exception>
    /// <exception cref="InvalidDataException">The content coding is unknown or corrupt.</exception>
    /// <exception cref="BodyTooLargeException">The decompressed body exceeds <paramref name="maxBytes"/>.</exception>
    public static Parsed Parse(byte[] block, long maxBytes)
    {
        var headerEnd = HeaderEnd(block, out var separatorLength);
        var lines = Encoding.Latin1.GetString(block, 0, headerEnd).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var status = StatusCode(lines[0]);
        var headers = lines.Skip(1).Select(Header).OfType<KeyValuePair<string, string>>().ToList();
        var body = block.AsSpan(headerEnd + separatorLength).ToArray();
        if (Value(headers, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Dechunk(body);
        }

        if (Value(headers, "Content-Encoding") is { } coding)
        {
            body = Decompress(body, coding, maxBytes);
        }

        return new Parsed(status, headers, body);
    }

    private static int HeaderEnd(byte[] block, out int separatorLength)
    {
        var crlf = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var lf = block.AsSpan().IndexOf("\n\n"u8);
        (var end, separatorLength) = crlf >= 0 && (lf < 0 || crlf < lf) ? (crlf, 4) : (lf, 2);
        return end >= 0 ? end : throw new FormatException("no end of the HTTP headers");
    }

    private static int StatusCode(string statusLine)
    {
        var parts = statusLine.Split(' ', 3);
        return parts is [var version, var code, ..] && version.StartsWith("HTTP/", StringComparison.Ordinal)
            && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new FormatException($"not an HTTP status line: \"{statusLine}\"");
    }

    private static KeyValuePair<string, string>? Header(string line)
    {
        var colon = line.IndexOf(':');
        return colon > 0 ? new(line[..colon].Trim(), line[(colon + 1)..].Trim()) : null;
    }

    private static string? Value(List<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static byte[] Dechunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            var sizeText = lineEnd < 0 ? "" : Encoding.Latin1.GetString(chunked, position, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new FormatException($"bad chunk size \"{sizeText}\" in a chunked body");
            }

            position += lineEnd + 2;
            if (size == 0)
            {
                return body.ToArray();
            }

            if (position + size > chunked.Length)
            {
                throw new FormatException("a chunk runs past the end of the record");
            }

            body.Write(chunked, position, size);
            position += size + 2;
        }
    }

    private static byte[] Decompress(byte[] body, string codings, long maxBytes)
    {
        using var raw = new MemoryStream(body, writable: false);
        Stream stream = raw;
        foreach (var coding in codings.Split(',').Select(c => c.Trim().ToLowerInvariant()).Where(c => c is not ("" or "identity")).Reverse())
        {
            stream = BodyReader.Decompressor(coding, stream);
        }

        using var capped = new CappedStream(stream, maxBytes, "the decompressed WARC response body");
        using var output = new MemoryStream();
        capped.CopyTo(output);
        return output.ToArray();
    }
}
