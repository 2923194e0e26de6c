using System.Buffers.Binary;

namespace KazakhUnrest.Core.Stories;

/// <summary>
/// MinHash signatures over shingle hashes: 128 fixed hash functions, 32-bit minima (half the memory of
/// 64-bit ones; collisions at 32 bits are far rarer than the estimator's own error).
/// </summary>
public static class MinHash
{
    public const int Size = 128;

    private static readonly ulong[] Seeds = CreateSeeds();

    public static uint[] Signature(string text) => Signature(Shingling.Shingles(text));

    public static uint[] Signature(ReadOnlySpan<ulong> shingles)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Size; i++)
            {
                var value = (uint)(Fnv1a.Mix(shingle ^ Seeds[i]) >> 32);
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>Estimated Jaccard similarity: the share of positions where the minima agree.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("signatures of different sizes");
        }

        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / a.Length;
    }

    /// <summary>Little-endian bytes, for a bytea column.</summary>
    public static byte[] ToBytes(ReadOnlySpan<uint> signature)
    {
        var bytes = new byte[signature.Length * 4];
        for (var i = 0; i < signature.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        }

        return bytes;
    }

    public static uint[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 4 != 0)
        {
            throw new ArgumentException("a signature is a whole number of 32-bit values");
        }

        var signature = new uint[bytes.Length / 4];
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return signature;
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[Size];
        var state = 0x4B415A414B48UL;
        for (var i = 0; i < Size; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Fnv1a.Mix(state);
        }

        return seeds;
    }
}
