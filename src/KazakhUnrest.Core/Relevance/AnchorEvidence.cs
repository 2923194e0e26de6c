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

    // The points below were set by hand with the scorer (d06b748), checked against the annotated seeds and sample
    // capture, and kept since as the off-topic rule cases in the relevance tests; RelevanceScorer's Bias reads them.

    // Against: a text that never touches Kazakhstan needs strong unrest evidence to pass, and cannot get it (see UnrestEvidence).
    private const double NoAnchorPoints = -1.5;

    // Scale of log(1 + weight) for the country: the strongest anchor, one title mention alone is about 2 points.
    private const double CountryScale = 1.5;

    // Actors (Tokayev, Nazarbayev, the KNB) are named only when the text is about Kazakhstan; a place name may be a passing dateline.
    private const double ActorScale = 1.2;

    private const double PlaceScale = 1.0;

    // A country named only in lists, with nothing else in Kazakhstan, is the list's context, not the subject (d06b748; ebdb2e8 kept the list's weight when other anchors exist).
    private const double ListOnlyPenalty = 0.5;

    // A name in the headline is the editor saying what the text is about, beyond its zone weight.
    private const double TitlePoints = 0.5;

    // One mention deep in the body is a comparison or a footnote (e05c646).
    private const double PassingPoints = -0.7;

    // Below SparsePerThousand in a long text: it passes through Kazakhstan.
    private const double SparsePoints = -0.8;

    // How many names a reason lists: enough to recognise the text, short enough to read.
    private const int ReasonLabels = 4;

    public static IEnumerable<Evidence> Weigh(IReadOnlyList<Mention> anchors, int words)
    {
        if (anchors.Count == 0)
        {
            return [new Evidence(NoAnchorPoints, "no mention of Kazakhstan, its places or its actors")];
        }

        return Country(anchors)
            .Concat(Named(anchors, TermKind.Actor, ActorScale, "actor", "actors"))
            .Concat(Named(anchors, TermKind.Place, PlaceScale, "place", "places"))
            .Concat(Title(anchors))
            .Concat(Passing(anchors))
            .Concat(Density(anchors, words));
    }

    public static double Weight(IEnumerable<Mention> mentions) => mentions.Sum(mention => mention.Weight);

    private static IEnumerable<Evidence> Country(IReadOnlyList<Mention> anchors)
    {
        var country = anchors.Where(mention => mention.Kind == TermKind.Country).ToList();
        var free = country.Count(mention => !mention.InList);
        var points = CountryScale * Math.Log(1 + Weight(country));
        if (country.Count == 0)
        {
            return [];
        }

        if (free > 0)
        {
            return [new Evidence(points, $"mentions {KazakhstanTerms.CountryLabel} {free}×")];
        }
        // A listed name weighs against the topic only when nothing else places the text in Kazakhstan.
        var alone = anchors.All(mention => mention.InList || mention.Kind == TermKind.Country);
        return [new Evidence(alone ? points - ListOnlyPenalty : points, $"{KazakhstanTerms.CountryLabel} only in a list of countries")];
    }

    private static IEnumerable<Evidence> Named(IReadOnlyList<Mention> anchors, TermKind kind, double scale, string one, string many)
    {
        var named = anchors.Where(mention => mention.Kind == kind && !mention.InList).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var labels = named.GroupBy(mention => mention.Label)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key)
            .ToList();
        var reason = $"{(labels.Count == 1 ? one : many)}: {string.Join(", ", labels.Take(ReasonLabels))}";
        return [new Evidence(scale * Math.Log(1 + Weight(named)), reason)];
    }

    private static IEnumerable<Evidence> Title(IReadOnlyList<Mention> anchors)
    {
        var inTitle = anchors.FirstOrDefault(mention => mention.Zone == Zone.Title && !mention.InList);
        return inTitle is null ? [] : [new Evidence(TitlePoints, $"in the title: {inTitle.Label}")];
    }

    /// <summary>One name deep in the body is how reports about other things place a comparison or a footnote.</summary>
    private static IEnumerable<Evidence> Passing(IReadOnlyList<Mention> anchors)
    {
        var free = anchors.Where(mention => !mention.InList).ToList();
        var passing = free.Count == 1 && free[0].Zone == Zone.Body;
        return Evidence.When(passing, PassingPoints, $"{free.FirstOrDefault()?.Label} named once, in passing");
    }

    private static IEnumerable<Evidence> Density(IReadOnlyList<Mention> anchors, int words)
    {
        var free = anchors.Count(mention => !mention.InList);
        if (words < WordsForDensity || free == 0)
        {
            return [];
        }

        var perThousand = 1000.0 * free / words;
        var rate = perThousand.ToString("0.0", CultureInfo.InvariantCulture);
        return Evidence.When(perThousand < SparsePerThousand, SparsePoints, $"Kazakhstan rarely named: {rate} per 1,000 words");
    }
}
