namespace KazakhUnrest.Core.Stories;

/// <summary>What the near-duplicate finder decided for one article.</summary>
public readonly record struct DuplicateMatch(long? DuplicateOf, double Similarity);

/// <summary>
/// Finds the original an article copies: LSH candidates verified by estimated Jaccard. Copies of copies
/// point at the first original of their group, so a group has one representative.
/// Feed articles in publication order (ids increasing with it): "earliest" means smallest id.
/// </summary>
public sealed partial class NearDuplicateFinder(double threshold = 0.6, LshIndex? index = null)
{
    private readonly LshIndex _index = index ?? new LshIndex();
    private readonly Dictionary<long, uint[]> _signatures = [];
    private readonly Dictionary<long, long> _originals = [];

    public double Threshold => threshold;

    /// <summary>Looks the article up, then adds it, so a later copy can find it.</summary>
    public DuplicateMatch Find(long articleId, uint[] signature)
    {
        var match = Lookup(articleId, signature);
        Add(articleId, signature, match.DuplicateOf);
        return match;
    }

    /// <summary>Adds a stored article without looking it up (rebuilding at start from stored signatures and decisions).</summary>
    public void Add(long articleId, uint[] signature, long? duplicateOf)
    {
        if (!_signatures.TryAdd(articleId, signature))
        {
            return;
        }

        _index.Add(articleId, signature);
        if (duplicateOf is { } original)
        {
            _originals[articleId] = OriginalOf(original);
        }
    }

    public DuplicateMatch Lookup(long articleId, uint[] signature)
    {
        long? best = null;
        var bestSimilarity = 0.0;
        foreach (var candidate in _index.Candidates(signature))
        {
            if (candidate == articleId)
            {
                continue;
            }

            var similarity = MinHash.Similarity(signature, _signatures[candidate]);
            if (similarity < threshold)
            {
                continue;
            }

            var original = OriginalOf(candidate);
            if (best is null || original < best || (original == best && similarity > bestSimilarity))
            {
                (best, bestSimilarity) = (original, similarity);
            }
        }

        return new DuplicateMatch(best, bestSimilarity);
    }

    public long OriginalOf(long articleId) => _originals.GetValueOrDefault(articleId, articleId);
}
