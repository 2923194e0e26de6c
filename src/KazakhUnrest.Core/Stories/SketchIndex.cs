namespace KazakhUnrest.Core.Stories;

/// <summary>
/// Inverted index from sampled shingles to the articles holding them, for finding copy candidates without comparing
/// every pair. Each article is posted under its <see cref="PostedPerArticle"/> smallest sample values whose buckets
/// still take articles: a later text that contains most of it holds most of those, and a teaser holding its first
/// third still holds one of twelve with a probability of 99%. Skipping full buckets matters where many texts share
/// stock sentences: posted only under its twelve smallest values, an article whose smallest values are all stock
/// sentences (full buckets) would be posted nowhere, and its copies never found (generated template reports lost 3%
/// of their copies at 10,000 articles, 6% at 20,000). In memory; rebuild it by adding stored sketches in the same order.
/// </summary>
public sealed class SketchIndex
{
    /// <summary>Sample values posted per article: bounds the index at twelve entries an article, however long the text.</summary>
    public const int PostedPerArticle = 12;

    private readonly int _maxBucket;
    // Buckets as linked lists in two flat lists: most buckets hold one article, and a List object per bucket
    // would cost far more than the entries.
    private readonly Dictionary<uint, (int Head, int Count)> _buckets = [];
    private readonly List<long> _entryIds = [];
    private readonly List<int> _entryNext = [];

    /// <param name="maxBucket">Bucket cap: a shingle of boilerplate or of a stock sentence that fills its bucket keeps its
    /// earliest articles and takes no more, so one lookup never scans an unbounded list. A lookup reads every value of
    /// the new text's sample (about 75 for a 150-word report), so the cap sets its cost: 16 keeps it near what the 32
    /// LSH bands cost, and the original of a text republished by more sites is still among the earliest.</param>
    public SketchIndex(int maxBucket = 16) => _maxBucket = maxBucket;

    public int Count { get; private set; }

    /// <param name="sketch">Sorted, as <see cref="ShingleSketch.Of"/> gives it.</param>
    public void Add(long articleId, uint[] sketch)
    {
        var posted = 0;
        foreach (var value in sketch)
        {
            var (head, count) = _buckets.TryGetValue(value, out var bucket) ? bucket : (-1, 0);
            if (count >= _maxBucket)
            {
                continue;
            }

            _entryIds.Add(articleId);
            _entryNext.Add(head);
            _buckets[value] = (_entryIds.Count - 1, count + 1);
            if (++posted == PostedPerArticle)
            {
                break;
            }
        }

        Count++;
    }

    /// <summary>Articles posted under any of the sketch's values, with how many of its values hit each.</summary>
    public Dictionary<long, int> Candidates(uint[] sketch)
    {
        var hits = new Dictionary<long, int>();
        foreach (var value in sketch)
        {
            if (!_buckets.TryGetValue(value, out var bucket))
            {
                continue;
            }

            for (var entry = bucket.Head; entry >= 0; entry = _entryNext[entry])
            {
                hits[_entryIds[entry]] = hits.GetValueOrDefault(_entryIds[entry]) + 1;
            }
        }

        return hits;
    }
}
