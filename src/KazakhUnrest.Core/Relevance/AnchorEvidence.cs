using System.Globalization;

namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// How firmly a text stands in Kazakhstan. The country, its places and its actors are weighed separately,
/// each on a logarithmic scale, so that naming several kinds of anchor counts more than repeating one.
/// </summary>
internal static class AnchorEvidence
{
    /// <summary>Below this many anchors per 1,000 words a long text only passes through Kazakhstan.</summary>
    private const double SparsePerThousand = 2.0;

    /// <summary>Short texts carry too few words for a rate to mean anything.</summary>
    private const int WordsForDensity = 300;

    public static IEnumerable<Evidence> Weigh(IReadOnlyList<Mention> anchors, int words)
    {
        if (anchors.Count == 0)
            return [new Evidence(-1.5, "no mention of Kazakhstan, its places or its actors")];
        return Country(anchors)
            .Concat(Named(anchors, TermKind.Actor, 1.2, "actor", "actors"))
            .Concat(Named(anchors, TermKind.Place, 1.0, "place", "places"))
            .Concat(Title(anchors))
            .Concat(Passing(anchors))
            .Concat(Density(anchors, words));
    }

    public static double Weight(IEnumerable<Mention> mentions) => mentions.Sum(mention => mention.Weight);

    private static IEnumerable<Evidence> Country(IReadOnlyList<Mention> anchors)
    {
        var country = anchors.Where(mention => mention.Kind == TermKind.Country).ToList();
        var free = country.Count(mention => !mention.InList);
        var points = 1.5 * Math.Log(1 + Weight(country));
        if (country.Count == 0)
            return [];
        if (free > 0)
            return [new Evidence(points, $"mentions {KazakhstanTerms.CountryLabel} {free}×")];
        // A listed name weighs against the topic only when nothing else places the text in Kazakhstan.
        var alone = anchors.All(mention => mention.InList || mention.Kind == TermKind.Country);
        return [new Evidence(alone ? points - 0.5 : points, $"{KazakhstanTerms.CountryLabel} only in a list of countries")];
    }

    private static IEnumerable<Evidence> Named(IReadOnlyList<Mention> anchors, TermKind kind, double scale, string one, string many)
    {
        var named = anchors.Where(mention => mention.Kind == kind && !mention.InList).ToList();
        if (named.Count == 0)
            return [];
        var labels = named.GroupBy(mention => mention.Label)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key)
            .ToList();
        var reason = $"{(labels.Count == 1 ? one : many)}: {string.Join(", ", labels.Take(4))}";
        return [new Evidence(scale * Math.Log(1 + Weight(named)), reason)];
    }

    private static IEnumerable<Evidence> Title(IReadOnlyList<Mention> anchors)
    {
        var inTitle = anchors.FirstOrDefault(mention => mention.Zone == Zone.Title && !mention.InList);
        return inTitle is null ? [] : [new Evidence(0.5, $"in the title: {inTitle.Label}")];
    }

    /// <summary>One name deep in the body is how reports about other things place a comparison or a footnote.</summary>
    private static IEnumerable<Evidence> Passing(IReadOnlyList<Mention> anchors)
    {
        var free = anchors.Where(mention => !mention.InList).ToList();
        var passing = free.Count == 1 && free[0].Zone == Zone.Body;
        return Evidence.When(passing, -0.7, $"{free.FirstOrDefault()?.Label} named once, in passing");
    }

    private static IEnumerable<Evidence> Density(IReadOnlyList<Mention> anchors, int words)
    {
        var free = anchors.Count(mention => !mention.InList);
        if (words < WordsForDensity || free == 0)
            return [];
        var perThousand = 1000.0 * free / words;
        var rate = perThousand.ToString("0.0", CultureInfo.InvariantCulture);
        return Evidence.When(perThousand < SparsePerThousand, -0.8, $"Kazakhstan rarely named: {rate} per 1,000 words");
    }
}
