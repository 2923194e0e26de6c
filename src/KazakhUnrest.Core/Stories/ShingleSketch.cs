using System.Buffers.Binary;

namespace KazakhUnrest.Core.Stories;

/// <summary>
/// What near-copy detection keeps of a text: a content-defined sample of the shingles of its body lines (each kept
/// shingle is chosen by its own hash, so a passage two texts share yields the same sample in both). The share of
/// the smaller sample found in the larger one estimates how much of the smaller text the larger one contains, which
/// is what a copy is: a teaser (the first paragraphs of a full text), a republication with other furniture or a few
/// paragraphs added or dropped, a repost without its headline. Jaccard would call a teaser a different text.
/// </summary>
public static class ShingleSketch
{
    /// <summary>
    /// One body shingle in two is kept: about 150 for a 2,000-character report (600 bytes, about the 512 of the MinHash
    /// values it replaces). Sparser samples left a 130-word republication with one changed word and a credit line at
    /// 0.77 of its original by chance, below the bar that generated template reports need.
    /// </summary>
    public const int SampleRate = 2;

    /// <summary>
    /// Lines shorter than this many words are page furniture ("2 min read", "Published 8 January 2022", "Read more",
    /// a byline): republications differ in them, so they would only hide a copy.
    /// </summary>
    public const int MinBodyLineWords = 8;

    // Marks the stored layout: a signature stored by an older layout (MinHash minima) is then recomputed, not misread.
    private const uint Layout = 0x314B5453; // "STK1"

    public static uint[] Of(string text) => Sample(Shingling.Shingles(BodyLines(text)));

    /// <summary>The sampled shingles, distinct and sorted, as 32-bit values (collisions are far rarer than sampling error).</summary>
    public static uint[] Sample(ReadOnlySpan<ulong> shingles)
    {
        var sample = new List<uint>(shingles.Length / SampleRate + 1);
        foreach (var shingle in shingles)
        {
            var mixed = Fnv1a.Mix(shingle);
            if (mixed % SampleRate == 0)
            {
                sample.Add((uint)(mixed >> 32));
            }
        }

        sample.Sort();
        return [.. sample.Distinct()];
    }

    /// <summary>The text's lines of running prose; the whole text when no line is long enough (a short brief).</summary>
    public static string BodyLines(string text)
    {
        var lines = text.Split('\n').Where(line => WordTokens.Split(line).Count >= MinBodyLineWords).ToList();
        return lines.Count == 0 ? text : string.Join('\n', lines);
    }

    /// <summary>How many values two sorted samples share.</summary>
    public static int Shared(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var (i, j, shared) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                (shared, i, j) = (shared + 1, i + 1, j + 1);
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>Little-endian bytes behind a layout mark, for a bytea column.</summary>
    public static byte[] ToBytes(ReadOnlySpan<uint> sketch)
    {
        var bytes = new byte[(sketch.Length + 1) * 4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Layout);
        for (var i = 0; i < sketch.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((i + 1) * 4), sketch[i]);
        }

        return bytes;
    }

    /// <summary>The stored sketch, or null when the bytes hold another layout (recompute it from the text).</summary>
    public static uint[]? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 4 != 0 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Layout)
        {
            return null;
        }

        var sketch = new uint[(bytes.Length / 4) - 1];
        for (var i = 0; i < sketch.Length; i++)
        {
            sketch[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[((i + 1) * 4)..]);
        }

        return sketch;
    }
}
