namespace KazakhUnrest.Core.Stories;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures by banding. 32 bands of 4 rows make a pair with
/// Jaccard 0.6 a candidate with probability 0.99 and a pair at 0.3 with 0.23, so near copies are
/// found while most unrelated texts never meet. In memory; rebuild it by adding stored signatures.
/// </summary>
public sealed class LshIndex
{
    private readonly int _bands;
    private readonly int _rows;
    private readonly int _maxBucket;
    // Buckets as linked lists in two flat lists: most buckets hold one article, and a List object per bucket
    // cost about 2 KB per article at 32 bands.
    private readonly Dictionary<ulong, (int Head, int Count)> _buckets = [];
    private readonly List<long> _entryIds = [];
    private readonly List<int> _entryNext = [];

    /// <param name="maxBucket">Bucket cap: a bucket that fills up (boilerplate-only texts) keeps its earliest
    /// members and takes no more, so one lookup never scans an unbounded list.</param>
    public LshIndex(int bands = 32, int rows = 4, int maxBucket = 64)
    {
        if (bands * rows != MinHash.Size)
        {
            throw new ArgumentException($"bands × rows must be {MinHash.Size}");
        }

        (_bands, _rows, _maxBucket) = (bands, rows, maxBucket);
    }

    public int Count { get; private set; }

    public void Add(long articleId, uint[] signature)
    {
        for (var band = 0; band < _bands; band++)
        {
            var key = BandKey(signature, band);
            var (head, count) = _buckets.TryGetValue(key, out var bucket) ? bucket : (-1, 0);
            if (count < _maxBucket)
            {
                _entryIds.Add(articleId);
                _entryNext.Add(head);
                _buckets[key] = (_entryIds.Count - 1, count + 1);
            }
        }

        Count++;
    }

    /// <summary>Articles sharing at least one band with the signature, each once.</summary>
    public IEnumerable<long> Candidates(uint[] signature)
    {
        var seen = new HashSet<long>();
        for (var band = 0; band < _bands; band++)
        {
            if (!_buckets.TryGetValue(BandKey(signature, band), out var bucket))
            {
                continue;
            }

            for (var entry = bucket.Head; entry >= 0; entry = _entryNext[entry])
            {
                if (seen.Add(_entryIds[entry]))
                {
                    yield return _entryIds[entry];
                }
            }
        }
    }

    private ulong BandKey(uint[] signature, int band)
    {
        var hash = Fnv1a.Append(14695981039346656037UL, (ulong)band);
        for (var r = band * _rows; r < (band + 1) * _rows; r++)
        {
            hash = Fnv1a.Append(hash, signature[r]);
        }

        return hash;
    }
}
