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
    /// a byline): republications differ in them, so they would only hide a copy. Longer lines that do not end as a
    /// sentence ends (headlines, photo captions) are left out too, see <see cref="BodyLines"/>.
    /// </summary>
    public const int MinBodyLineWords = 8;

    // Marks the stored layout: a signature stored by an older layout (MinHash minima, or STK1 samples that still
    // counted headlines and captions as body lines) is then recomputed, not misread.
    private const uint Layout = 0x324B5453; // "STK2"

    public static uint[] Of(string text) => Sample(Shingling.Shingles(string.Join('\n', BodyLines(text))));

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

    /// <summary>
    /// The text's lines of running prose: at least <see cref="MinBodyLineWords"/> words ending as a sentence ends. A
    /// headline, a photo caption or a headline run together with its byline and dates is long enough but ends without a
    /// stop, and republications keep or drop those differently. A text with no such line (a language written without
    /// stops, a brief cut mid-sentence) keeps its long lines, and a text without long lines all of its lines.
    /// </summary>
    public static List<string> BodyLines(string text)
    {
        var lines = text.Split('\n');
        var longLines = lines.Where(line => WordTokens.Split(line).Count >= MinBodyLineWords).ToList();
        var prose = longLines.Where(EndsLikeSentence).ToList();
        return prose.Count > 0 ? prose : longLines.Count > 0 ? longLines : [.. lines];
    }

    private static bool EndsLikeSentence(string line)
    {
        var end = line.AsSpan().TrimEnd().TrimEnd(ClosingMarks);
        return end.Length > 0 && SentenceStops.Contains(end[^1]);
    }

    // Quotes and brackets that may close a sentence after its stop: «…», “…”, (…).
    private const string ClosingMarks = "\"'’”»)]";

    // Full stops of the scripts the sources use: Latin and Cyrillic, CJK, Arabic, Devanagari; and an ellipsis.
    private const string SentenceStops = ".!?…。！？؟।";

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
