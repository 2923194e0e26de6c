namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// A text that names another country or subject more often (weighted by position) than anything in
/// Kazakhstan is about that other subject, whatever else it mentions.
/// </summary>
internal static class CompetingEvidence
{
    // The penalties were set by hand with the scorer (d06b748) and checked against the annotated seeds and sample capture.

    // A cap, so strong anchors in Kazakhstan can still outweigh a subject that is named more often.
    private const double MaximumPenalty = 3.0;

    // Any other subject that outweighs Kazakhstan costs at least this much.
    private const double BasePenalty = 0.5;

    // Scale of log of how many times more weight the other subject has than Kazakhstan.
    private const double PenaltyScale = 1.2;

    // A second country with at least half the leader's weight shares the lead (a bilateral story), below that it is context.
    private const double SharedLeadRatio = 2;

    public static IEnumerable<Evidence> Weigh(ScoredText text, double anchorWeight)
    {
        var ranked = CompetingSubjects.All
            .Select(subject => (Subject: subject, Weight: AnchorEvidence.Weight(Mentions(text, subject).Where(mention => !mention.InList))))
            .Where(candidate => candidate.Weight > 0)
            .OrderByDescending(candidate => candidate.Weight)
            .ToList();
        if (ranked.Count == 0)
        {
            return [];
        }

        var (top, weight) = ranked[0];
        if (SharesLead(top, ranked))
        {
            // Two neighbours in one clash are one subject: each alone may fall short of Kazakhstan, together they do not.
            weight += ranked[1].Weight;
        }

        if (weight <= anchorWeight)
        {
            return [];
        }

        var penalty = Math.Min(MaximumPenalty, BasePenalty + PenaltyScale * Math.Log((weight + 1) / (anchorWeight + 1)));
        return [new Evidence(-penalty, $"main subject: {Label(top, ranked)}")];
    }

    private static IEnumerable<Mention> Mentions(ScoredText text, CompetingSubjects.Subject subject) =>
        subject.Iso is { } iso ? text.OfCountry(iso) : text.Find(subject.Term!);

    private static bool SharesLead(CompetingSubjects.Subject top, List<(CompetingSubjects.Subject Subject, double Weight)> ranked) =>
        top.IsCountry && ranked.Count >= 2 && ranked[1].Subject.IsCountry && ranked[1].Weight * SharedLeadRatio >= ranked[0].Weight;

    /// <summary>Two countries that share the lead are one subject (a border clash, a bilateral dispute).</summary>
    private static string Label(CompetingSubjects.Subject top, List<(CompetingSubjects.Subject Subject, double Weight)> ranked)
    {
        if (!SharesLead(top, ranked))
        {
            return top.Label;
        }

        return string.Join("–", new[] { top.Label, ranked[1].Subject.Label }.Order(StringComparer.Ordinal));
    }
}
