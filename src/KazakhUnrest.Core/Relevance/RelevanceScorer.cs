using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// Scores a text for the January 2022 unrest in Kazakhstan and its aftermath with a weighted evidence model:
/// anchors in Kazakhstan (country, places, actors; more in the title and lead, little inside a list of
/// countries), the unrest vocabulary as far as it is anchored, a competing main subject, and the publication
/// date against the event window. The points pass through a logistic curve, so the score reads as a
/// confidence and no single rule can decide alone.
/// </summary>
public static class RelevanceScorer
{
    // An even chance on the logistic curve: the bar is moved through Bias, not here.
    public const double Threshold = 0.5;

    /// <summary>Points needed for an even chance: about three anchors, or one in the title with unrest terms.</summary>
    private const double Bias = 2.0;

    // The score is shown and stored to three decimals; more would only suggest precision the evidence lacks.
    private const int ScoreDecimals = 3;

    /// <summary>Scores with the seed gazetteer's names.</summary>
    public static RelevanceResult Score(string title, string text, DateTimeOffset? published, string? language) =>
        Score(title, text, published, language, EntityMatcher.Seed);

    /// <param name="names">The matcher the entities step reads with, so the names editors add anchor texts too.</param>
    public static RelevanceResult Score(string title, string text, DateTimeOffset? published, string? language, EntityMatcher names)
    {
        var scored = new ScoredText(title, text, names);
        var anchors = scored.Anchors().ToList();
        var unrest = UnrestTerms.All.SelectMany(scored.Find).ToList();
        var anchorWeight = AnchorEvidence.Weight(anchors);
        var covered = language is null || UnrestTerms.Languages.Contains(language, StringComparer.OrdinalIgnoreCase);
        var anchorEvidence = AnchorEvidence.Weigh(anchors, scored.Words).ToList();
        var anchorPoints = anchorEvidence.Sum(item => item.Points);
        var competing = CompetingEvidence.Weigh(scored, AnchorEvidence.Weight(anchors.Where(mention => !mention.InList))).ToList();
        var looksBack = Retrospective.LooksBack(scored);
        var evidence = anchorEvidence
            .Concat(looksBack is { } retold
                ? Retrospective.Weigh(UnrestEvidence.Excess(anchorPoints), retold)
                : UnrestEvidence.Weigh(unrest, anchorWeight, anchorPoints, covered, otherSubjectLeads: competing.Count > 0))
            .Concat(competing)
            .Concat(EventWindow.Weigh(published))
            .ToList();
        var score = Math.Round(1 / (1 + Math.Exp(Bias - evidence.Sum(item => item.Points))), ScoreDecimals);
        return new RelevanceResult(score, score >= Threshold, Decisive(evidence));
    }

    /// <summary>Strongest evidence first, so the reasons that decided it lead the list.</summary>
    private static List<string> Decisive(IEnumerable<Evidence> evidence) =>
        evidence.OrderByDescending(item => Math.Abs(item.Points)).Select(item => item.Reason).ToList();
}
