namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// The unrest vocabulary, counted towards the topic only as far as the text is anchored in Kazakhstan:
/// "protesters killed" describes many places, and a text that never names Kazakhstan is about one of them.
/// </summary>
internal static class UnrestEvidence
{
    /// <summary>Anchor weight at which unrest terms count fully (a title mention, or three in the body).</summary>
    private const double FullAnchorWeight = 3.0;

    // The points were set by hand with the scorer (d06b748) and checked against the annotated seeds and sample capture.

    // A cap, so a long list of clashes cannot carry a text that is barely anchored.
    private const double MaximumPoints = 2.5;

    // Against, in a language the vocabulary covers: a text about Kazakhstan without a word of unrest is about something else.
    private const double NoTermsPoints = -0.7;

    /// <summary>
    /// Without a word of the unrest (in a language the vocabulary covers), anchors count up to this many points: however
    /// often a text names Kazakhstan, that says what country it is about, not that it is about the unrest. With the
    /// penalty above it leaves such a text just under RelevanceScorer's bias, so only a publication date inside the event
    /// window carries it (the government's resignation reported on the day); an oil-market note or a history of the
    /// nuclear test site, undated, stays out. Real-dev pages of both kinds set it (issue 15).
    /// </summary>
    private const double AnchorPointsWithoutTerms = 2.5;

    // Scale of log(1 + occurrences): repetition counts, with diminishing returns.
    private const double OccurrenceScale = 0.7;

    // Each further distinct term adds this: "protests" and "curfew" and "shooting" agree more than one word repeated.
    private const double PerDistinctTerm = 0.15;

    // Below half the full anchor weight the reason says the terms are not tied to Kazakhstan.
    private const double TiedGate = 0.5;

    // How many terms a reason lists.
    private const int ReasonTerms = 4;

    /// <param name="anchorPoints">What the anchors in Kazakhstan add up to, so a text without unrest terms can be held to <see cref="AnchorPointsWithoutTerms"/>.</param>
    /// <summary>What anchors add beyond <see cref="AnchorPointsWithoutTerms"/>: taken back when no unrest terms count.</summary>
    public static double Excess(double anchorPoints) => Math.Max(0, anchorPoints - AnchorPointsWithoutTerms);

    /// <param name="otherSubjectLeads">
    /// Another subject outweighs Kazakhstan (<see cref="CompetingEvidence"/>): the clashes and the dead are then its
    /// own (a border clash between neighbours), and count for neither side.
    /// </param>
    public static IEnumerable<Evidence> Weigh(IReadOnlyList<Mention> unrest, double anchorWeight, double anchorPoints, bool vocabularyCoversLanguage,
        bool otherSubjectLeads)
    {
        if (unrest.Count == 0)
        {
            if (!vocabularyCoversLanguage)
            {
                return [];
            }

            var excess = Excess(anchorPoints);
            return [new Evidence(NoTermsPoints - excess, excess > 0 ? "about Kazakhstan, but no unrest terms" : "no unrest terms")];
        }

        var terms = unrest.GroupBy(mention => mention.Label)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
            .ToList();
        var gate = otherSubjectLeads ? 0 : Math.Min(1.0, anchorWeight / FullAnchorWeight);
        var points = gate * Math.Min(MaximumPoints, OccurrenceScale * Math.Log(1 + unrest.Count) + PerDistinctTerm * (terms.Count - 1));
        var listed = string.Join(", ", terms.Take(ReasonTerms).Select(group => group.Count() > 1 ? $"{group.Key} ×{group.Count()}" : group.Key));
        var reason = otherSubjectLeads ? $"unrest terms of the main subject: {listed}"
            : gate < TiedGate ? $"unrest terms, but not tied to Kazakhstan: {listed}" : $"unrest terms: {listed}";
        return [new Evidence(points, reason)];
    }
}
