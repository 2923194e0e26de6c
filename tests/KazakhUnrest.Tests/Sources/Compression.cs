using System.IO.Compression;

namespace KazakhUnrest.Tests.Sources;

/// <summary>Compresses test bodies as a server would send them; also compiled into the integration tests.</summary>
internal static class Compression
{
    /// <param name="encoding">"gzip", "br", or anything else for zlib ("deflate").</param>
    public static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.SmallestSize),
            "br" => new BrotliStream(output, CompressionLevel.SmallestSize),
            _ => new ZLibStream(output, CompressionLevel.SmallestSize),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
