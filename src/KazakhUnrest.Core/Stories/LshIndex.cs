namespace KazakhUnrest.Core.Stories;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures by banding. 32 bands of 4 rows make a pair with
/// Jaccard 0.6 a candidate with probability 0.99 and a pair at 0.3 with 0.23, so near copies are
/// found while most unrelated texts never meet. In memory; rebuild it by adding stored signatures.
/// </summary>
public sealed class LshIndex
{
    private readonly int bands;
    private readonly int rows;
    private readonly int maxBucket;
    // Buckets as linked lists in two flat lists: most buckets hold one article, and a List object per bucket
    // cost about 2 KB per article at 32 bands.
    private readonly Dictionary<ulong, (int Head, int Count)> buckets = [];
    private readonly List<long> entryIds = [];
    private readonly List<int> entryNext = [];

    /// <param name="maxBucket">Bucket cap: a bucket that fills up (boilerplate-only texts) keeps its earliest
    /// members and takes no more, so one lookup never scans an unbounded list.</param>
    public LshIndex(int bands = 32, int rows = 4, int maxBucket = 64)
    {
        if (bands * rows != MinHash.Size)
        {
            throw new ArgumentException($"bands × rows must be {MinHash.Size}");
        }

        (this.bands, this.rows, this.maxBucket) = (bands, rows, maxBucket);
    }

    public int Count { get; private set; }

    public void Add(long articleId, uint[] signature)
    {
        for (var band = 0; band < bands; band++)
        {
            var key = BandKey(signature, band);
            var (head, count) = buckets.TryGetValue(key, out var bucket) ? bucket : (-1, 0);
            if (count < maxBucket)
            {
                entryIds.Add(articleId);
                entryNext.Add(head);
                buckets[key] = (entryIds.Count - 1, count + 1);
            }
        }

        Count++;
    }

    /// <summary>Articles sharing at least one band with the signature, each once.</summary>
    public IEnumerable<long> Candidates(uint[] signature)
    {
        var seen = new HashSet<long>();
        for (var band = 0; band < bands; band++)
        {
            if (!buckets.TryGetValue(BandKey(signature, band), out var bucket))
            {
                continue;
            }

            for (var entry = bucket.Head; entry >= 0; entry = entryNext[entry])
            {
                if (seen.Add(entryIds[entry]))
                {
                    yield return entryIds[entry];
                }
            }
        }
    }

    private ulong BandKey(uint[] signature, int band)
    {
        var hash = Fnv1a.Append(14695981039346656037UL, (ulong)band);
        for (var r = band * rows; r < (band + 1) * rows; r++)
        {
            hash = Fnv1a.Append(hash, signature[r]);
        }

        return hash;
    }
}
