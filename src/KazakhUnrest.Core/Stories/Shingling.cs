namespace KazakhUnrest.Core.Stories;

/// <summary>Word n-shingles of normalised text, hashed to 64 bits with a fixed hash.</summary>
public static class Shingling
{
    public const int DefaultSize = 5;

    /// <summary>The distinct shingle hashes of the text; a text shorter than one shingle gives one shingle of all its words.</summary>
    public static ulong[] Shingles(string text, int size = DefaultSize)
    {
        var words = WordTokens.Split(text);
        if (words.Count == 0)
        {
            return [];
        }

        var wordHashes = new ulong[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            wordHashes[i] = Fnv1a.Hash(words[i].Text);
        }

        var count = Math.Max(1, words.Count - size + 1);
        var shingles = new HashSet<ulong>(count);
        for (var i = 0; i < count; i++)
        {
            shingles.Add(Window(wordHashes, i, Math.Min(size, words.Count)));
        }

        var result = shingles.ToArray();
        Array.Sort(result);
        return result;
    }

    private static ulong Window(ulong[] wordHashes, int start, int size)
    {
        var hash = 14695981039346656037UL;
        for (var i = start; i < start + size; i++)
        {
            hash = Fnv1a.Append(hash, wordHashes[i]);
        }

        return hash;
    }

    /// <summary>Exact Jaccard similarity of two sorted shingle sets, for tests and verification.</summary>
    public static double Jaccard(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        var common = a.Intersect(b).Count();
        return (double)common / (a.Length + b.Length - common);
    }
}
