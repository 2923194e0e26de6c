namespace KazakhUnrest.Core.Stories;

/// <summary>
/// A fixed 64-bit hash: string.GetHashCode is randomised per process, and stored sketches and index keys
/// must mean the same thing in every run.
/// </summary>
public static class Fnv1a
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(ReadOnlySpan<char> text) => Append(Offset, text);

    public static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }

    public static ulong Append(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (8 * i))) * Prime;
        }

        return hash;
    }

    /// <summary>SplitMix64's finaliser: FNV's low bits are weak, and sampling by hash needs every bit well mixed.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }
}
