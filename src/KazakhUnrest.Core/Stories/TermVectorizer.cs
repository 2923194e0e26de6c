namespace KazakhUnrest.Core.Stories;

/// <summary>
/// Turns an article into a tf-idf vector of its strongest terms. Document frequencies are kept incrementally,
/// so the same ordered input gives the same vectors. The idf is raised to a power (see
/// <see cref="StoryClustererOptions.IdfPower"/>).
/// Entity-like words (capitalised mid-sentence, figures such as "164" or "4,400") weigh more for the same reason.
/// Title words weigh only a little more: headlines of different stories about one event are often nearly the
/// same ("CSTO troops begin leaving Kazakhstan"), and a strong boost merged such stories in the benchmark.
/// </summary>
public sealed partial class TermVectorizer(int maxTerms, double idfPower)
{
    private const float TitleBoost = 1.25f;
    private const float EntityBoost = 1.8f;
    private readonly Dictionary<ulong, int> _documentFrequency = [];

    public int Documents { get; private set; }

    /// <summary>Counts the article's distinct terms into the document frequencies.</summary>
    public void Observe(TermVector vector)
    {
        Documents++;
        foreach (var term in vector.Terms)
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
    }

    /// <param name="entities">
    /// Ids of the known entities the article mentions, one per mention. They join Tokayev, Токаев and "the Kazakh
    /// president" into one term, which is what lets a Russian report and an English one of the same event meet.
    /// </param>
    /// <param name="kinds">Kinds of event the headline and lead name, each counted as an entity-like term of <paramref name="kindWeight"/>.</param>
    public TermVector Vectorize(string title, string text, IReadOnlyList<string>? entities = null, IEnumerable<string>? kinds = null,
        double kindWeight = 0)
    {
        var counts = new Dictionary<ulong, (float Tf, bool Entity)>();
        Count(counts, title, TitleBoost);
        Count(counts, text, 1f);
        foreach (var entity in entities ?? [])
        {
            Increment(counts, Fnv1a.Hash("@" + entity), 1f, true);
        }

        foreach (var kind in kindWeight > 0 ? kinds ?? [] : [])
        {
            Increment(counts, Fnv1a.Hash("#" + kind), (float)kindWeight, true);
        }

        return Strongest(counts);
    }

    public double Idf(ulong term) => Math.Log((Documents + 1.0) / (_documentFrequency.GetValueOrDefault(term) + 1.0)) + 1.0;

    /// <summary>Counts words, and pairs of adjacent capitalised words or figures ("Rustam Seitkali", "Republic Square"),
    /// because a full name is far rarer than either of its parts.</summary>
    private static void Count(Dictionary<ulong, (float Tf, bool Entity)> counts, string text, float boost)
    {
        ulong previousEntity = 0;
        foreach (var token in WordTokens.Split(text))
        {
            var hash = Fnv1a.Hash(token.Text);
            if ((token.Text.Length < 2 && !token.Number) || StopWords.Contains(hash))
            {
                previousEntity = 0;
                continue;
            }

            var entity = token.Number || (token.Capitalised && !token.SentenceStart);
            Increment(counts, hash, boost, entity);
            if (entity && previousEntity != 0)
            {
                Increment(counts, Fnv1a.Mix(previousEntity ^ (hash * 31)), boost, true);
            }

            previousEntity = token.Capitalised || token.Number ? hash : 0;
        }
    }

    private static void Increment(Dictionary<ulong, (float Tf, bool Entity)> counts, ulong term, float boost, bool entity)
    {
        var (tf, wasEntity) = counts.GetValueOrDefault(term);
        counts[term] = (tf + boost, wasEntity || entity);
    }

    private TermVector Strongest(Dictionary<ulong, (float Tf, bool Entity)> counts)
    {
        var scored = new List<(ulong Term, float Weight, bool Entity)>(counts.Count);
        foreach (var (term, (tf, entity)) in counts)
        {
            var weight = (float)((1 + Math.Log(tf)) * Math.Pow(Idf(term), idfPower)) * (entity ? EntityBoost : 1f);
            scored.Add((term, weight, entity));
        }

        // Ties broken by the term hash so the kept set never depends on dictionary order.
        scored.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
        var kept = scored.Take(maxTerms).ToList();
        var norm = (float)Math.Sqrt(kept.Sum(k => (double)k.Weight * k.Weight));
        return new TermVector(
            kept.Select(k => k.Term).ToArray(),
            kept.Select(k => norm == 0 ? 0 : k.Weight / norm).ToArray(),
            kept.Select(k => k.Entity).ToArray());
    }
}
