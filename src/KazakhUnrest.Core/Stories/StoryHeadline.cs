namespace KazakhUnrest.Core.Stories;

/// <summary>A story member as the headline chooser needs it.</summary>
public sealed record StoryMember(long Id, DateTimeOffset Time, string Title, string Text);

/// <summary>
/// A story's headline is the title of its most central member: the one closest to the members' centroid,
/// which is the report the others agree with most, rather than the first or an outlier's angle.
/// </summary>
public static class StoryHeadline
{
    /// <param name="vectorizer">Carries the document frequencies; the clusterer's own (<see cref="StoryClusterer.Vectorizer"/>) fits best.</param>
    public static StoryMember? MostCentral(IReadOnlyList<StoryMember> members, TermVectorizer vectorizer)
    {
        if (members.Count == 0)
        {
            return null;
        }

        var vectors = members.Select(m => vectorizer.Vectorize(m.Title, m.Text)).ToList();
        var centroid = new Dictionary<ulong, double>();
        foreach (var vector in vectors)
        {
            for (var i = 0; i < vector.Count; i++)
            {
                centroid[vector.Terms[i]] = centroid.GetValueOrDefault(vector.Terms[i]) + vector.Weights[i];
            }
        }

        return members
            .Select((member, i) => (Member: member, Score: Dot(vectors[i], centroid)))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Member.Time).ThenBy(m => m.Member.Id)
            .First().Member;
    }

    private static double Dot(TermVector vector, Dictionary<ulong, double> centroid)
    {
        var dot = 0.0;
        for (var i = 0; i < vector.Count; i++)
        {
            dot += vector.Weights[i] * centroid[vector.Terms[i]];
        }

        return dot;
    }
}
