namespace KazakhUnrest.Core.Stories;

/// <summary>
/// Inverted index from a term to the stories whose centroid holds it. Lists are scanned newest first and
/// only so far, and compacted when they grow, so a common term never makes a lookup scan every story.
/// </summary>
public sealed partial class StoryPostings(int scanLimit)
{
    private readonly Dictionary<ulong, List<long>> _postings = [];

    public void Add(ulong term, long storyId)
    {
        if (!_postings.TryGetValue(term, out var list))
        {
            _postings[term] = list = new List<long>(2);
        }

        // A term that left a story's centroid and came back would otherwise be posted twice.
        if (list.Count == 0 || list[^1] != storyId)
        {
            list.Add(storyId);
        }
    }

    /// <summary>The most recently posted stories for the term, newest first; drops inactive ones when the list is long.</summary>
    public IEnumerable<long> Recent(ulong term, Func<long, bool> isActive)
    {
        if (!_postings.TryGetValue(term, out var list))
        {
            yield break;
        }

        if (list.Count > 2 * scanLimit)
        {
            Compact(list, isActive);
        }

        var stop = Math.Max(0, list.Count - scanLimit);
        for (var i = list.Count - 1; i >= stop; i--)
        {
            yield return list[i];
        }
    }

    private void Compact(List<long> list, Func<long, bool> isActive)
    {
        list.RemoveAll(id => !isActive(id));
        if (list.Count > 2 * scanLimit)
        {
            list.RemoveRange(0, list.Count - scanLimit);
        }
    }
}
