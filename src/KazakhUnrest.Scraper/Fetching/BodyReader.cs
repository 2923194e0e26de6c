using System.IO.Compression;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>
/// Reads a response body under two caps: the bytes on the wire, and the bytes after decompression,
/// so neither an endless body nor a decompression bomb can hold more than a cap in memory.
/// </summary>
internal static class BodyReader
{
    /// <summary>Decompresses a Content-Encoding list ("gzip", "br", "gzip, br" ...) and reads it whole.</summary>
    /// <exception cref="BodyTooLargeException">A cap was passed.</exception>
    /// <exception cref="InvalidDataException">The encoding is unknown or the compressed data is corrupt.</exception>
    public static async Task<byte[]> ReadAsync(Stream raw, IEnumerable<string> contentEncodings, long maxBody, long maxDecompressed,
        CancellationToken ct)
    {
        var encodings = contentEncodings.Select(e => e.Trim().ToLowerInvariant()).Where(e => e is not ("" or "identity")).ToList();
        Stream stream = new CappedStream(raw, maxBody, "the response body");
        // Codings are listed in the order they were applied, so they are undone from the last.
        for (var i = encodings.Count - 1; i >= 0; i--)
        {
            stream = Decompressor(encodings[i], stream);
        }

        if (encodings.Count > 0)
        {
            stream = new CappedStream(stream, maxDecompressed,
                $"the {string.Join("+", encodings)}-decompressed body (a possible decompression bomb)");
        }

        await using (stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, 81920, ct);
            return buffer.ToArray();
        }
    }

    internal static Stream Decompressor(string encoding, Stream compressed) => encoding switch
    {
        "gzip" or "x-gzip" => new GZipStream(compressed, CompressionMode.Decompress),
        // RFC 9110's "deflate" is the zlib format; a raw deflate stream would fail here as InvalidContent.
        "deflate" => new ZLibStream(compressed, CompressionMode.Decompress),
        "br" => new BrotliStream(compressed, CompressionMode.Decompress),
        _ => throw new InvalidDataException($"unsupported Content-Encoding \"{encoding}\""),
    };
}
