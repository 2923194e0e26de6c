namespace KazakhUnrest.Core.Stories;

/// <summary>
/// A story's running state: the summed term vectors of its distinct members, pruned to the strongest terms
/// so a story of a thousand articles costs no more to compare than one of ten.
/// </summary>
public sealed partial class StoryCentroid(long id, DateTimeOffset first, int maxTerms)
{
    private Dictionary<ulong, (float Weight, bool Entity)> _terms = [];
    private double _norm;
    private double _entityNormStory;
    private double _datedDaysSum;
    private int _dated;

    public long Id { get; } = id;
    public DateTimeOffset First { get; private set; } = first;
    public DateTimeOffset Last { get; private set; } = first;
    public int Articles { get; private set; }

    /// <summary>Terms that entered the centroid with the last change, for the inverted index.</summary>
    public List<ulong> Added { get; } = [];

    public IEnumerable<ulong> Terms => _terms.Keys;

    /// <summary>Outlets with an article of their own in the story (copies of others' articles not counted).</summary>
    public HashSet<string> Outlets { get; } = [];

    /// <summary>The mean publication day of the members that gave one (days since 1970), null when none did.</summary>
    public double? MeanDay => _dated == 0 ? null : _datedDaysSum / _dated;

    public void AddDated(DateTimeOffset time)
    {
        _datedDaysSum += Days(time);
        _dated++;
    }

    public static double Days(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalDays;

    public void Touch(DateTimeOffset time, int articles = 1)
    {
        Articles += articles;
        First = time < First ? time : First;
        Last = time > Last ? time : Last;
    }

    public void Add(TermVector vector)
    {
        Added.Clear();
        for (var i = 0; i < vector.Count; i++)
        {
            var term = vector.Terms[i];
            if (_terms.TryGetValue(term, out var current))
            {
                _terms[term] = (current.Weight + vector.Weights[i], current.Entity || vector.Entities[i]);
            }
            else
            {
                _terms[term] = (vector.Weights[i], vector.Entities[i]);
                Added.Add(term);
            }
        }

        if (_terms.Count > 2 * maxTerms)
        {
            Prune();
        }

        Norms();
    }

    public void Absorb(StoryCentroid other)
    {
        foreach (var (term, (weight, entity)) in other._terms)
        {
            var current = _terms.GetValueOrDefault(term);
            _terms[term] = (current.Weight + weight, current.Entity || entity);
        }

        Outlets.UnionWith(other.Outlets);
        _datedDaysSum += other._datedDaysSum;
        _dated += other._dated;
        Articles += other.Articles;
        First = other.First < First ? other.First : First;
        Last = other.Last > Last ? other.Last : Last;
        Prune();
        Norms();
    }

    private void Norms()
    {
        _norm = Math.Sqrt(_terms.Values.Sum(t => (double)t.Weight * t.Weight));
        _entityNormStory = Math.Sqrt(_terms.Values.Where(t => t.Entity).Sum(t => (double)t.Weight * t.Weight));
    }

    /// <summary>
    /// Cosine with the centroid, and the cosine over entity-like terms only. A share of the article's entities
    /// found in the story would grow with the story's size, and a large story would then attract everything.
    /// </summary>
    public (double Cosine, double EntityOverlap) Compare(TermVector vector)
    {
        double dot = 0, entityDot = 0, entityNorm = 0;
        for (var i = 0; i < vector.Count; i++)
        {
            var found = _terms.TryGetValue(vector.Terms[i], out var t);
            if (found)
            {
                dot += vector.Weights[i] * t.Weight;
            }

            if (vector.Entities[i])
            {
                entityNorm += vector.Weights[i] * vector.Weights[i];
                entityDot += found && t.Entity ? vector.Weights[i] * t.Weight : 0;
            }
        }

        var entityCosine = entityNorm == 0 || _entityNormStory == 0 ? 0 : entityDot / (Math.Sqrt(entityNorm) * _entityNormStory);
        return (_norm == 0 ? 0 : dot / _norm, entityCosine);
    }

    private void Prune()
    {
        _terms = _terms
            .OrderByDescending(t => t.Value.Weight).ThenBy(t => t.Key)
            .Take(maxTerms)
            .ToDictionary(t => t.Key, t => t.Value);
    }
}
