using System.IO.Compression;
using System.Security.Cryptography;

namespace KazakhUnrest.Core.Captures;

/// <summary>How raw captures are packed for storage.</summary>
public static class CaptureBody
{
    public static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        using var output = new MemoryStream(raw.Length / 3 + 64);
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(raw);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var input = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        input.CopyTo(output);
        return output.ToArray();
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
