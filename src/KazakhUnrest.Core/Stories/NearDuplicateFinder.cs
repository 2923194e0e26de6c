namespace KazakhUnrest.Core.Stories;

/// <summary>What the near-duplicate finder decided for one article.</summary>
/// <param name="Similarity">The share of the smaller text found in the larger (estimated from their sketches).</param>
public readonly record struct DuplicateMatch(long? DuplicateOf, double Similarity);

/// <summary>
/// Finds the original an article copies: candidates from the <see cref="SketchIndex"/>, verified by containment,
/// the share of the smaller text's sampled shingles found in the larger one. Copies of copies point at the first
/// original of their group, so a group has one representative. Feed articles in publication order (ids increasing
/// with it): "earliest" means smallest id.
/// </summary>
public sealed partial class NearDuplicateFinder(double threshold = 0.75, SketchIndex? index = null)
{
    /// <summary>
    /// The fewest sampled shingles two texts must share to be copies: one or two shared samples are a shared quote
    /// or a stock sentence, and a two-sentence brief has too few samples to say what it contains.
    /// </summary>
    public const int MinShared = 3;

    /// <summary>
    /// Shared samples (100 shingles at one in <see cref="ShingleSketch.SampleRate"/>: about 100 words of identical text) that make
    /// a copy at <see cref="LongOverlapContainment"/>: a republication that cut the text at another point or added
    /// its own paragraphs and photo captions contains less of the other than a teaser does, yet no two reports written
    /// apart share a hundred words verbatim; a quoted statement they both carry is rarely half that.
    /// </summary>
    public const int LongOverlap = 100 / ShingleSketch.SampleRate;

    /// <summary>The least containment at which a <see cref="LongOverlap"/> makes a copy.</summary>
    public const double LongOverlapContainment = 0.4;

    /// <summary>Candidates verified per article, those hit by the most sample values first.</summary>
    public const int MaxCandidates = 32;

    private readonly SketchIndex _index = index ?? new SketchIndex();
    private readonly Dictionary<long, uint[]> _sketches = [];
    private readonly Dictionary<long, long> _originals = [];

    public double Threshold => threshold;

    /// <summary>Looks the article up, then adds it, so a later copy can find it.</summary>
    public DuplicateMatch Find(long articleId, uint[] sketch)
    {
        var match = Lookup(articleId, sketch);
        Add(articleId, sketch, match.DuplicateOf);
        return match;
    }

    /// <summary>Adds a stored article without looking it up (rebuilding at start from stored sketches and decisions).</summary>
    public void Add(long articleId, uint[] sketch, long? duplicateOf)
    {
        if (!_sketches.TryAdd(articleId, sketch))
        {
            return;
        }

        _index.Add(articleId, sketch);
        if (duplicateOf is { } original)
        {
            _originals[articleId] = OriginalOf(original);
        }
    }

    public DuplicateMatch Lookup(long articleId, uint[] sketch)
    {
        long? best = null;
        var bestSimilarity = 0.0;
        var candidates = _index.Candidates(sketch)
            .Where(c => c.Key != articleId)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key)
            .Take(MaxCandidates);
        foreach (var (candidate, _) in candidates)
        {
            var other = _sketches[candidate];
            var shared = ShingleSketch.Shared(sketch, other);
            var similarity = shared == 0 ? 0 : (double)shared / Math.Min(sketch.Length, other.Length);
            if (shared < MinShared || (similarity < threshold && (shared < LongOverlap || similarity < LongOverlapContainment)))
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
