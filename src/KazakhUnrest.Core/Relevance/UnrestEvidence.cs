namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// The unrest vocabulary, counted towards the topic only as far as the text is anchored in Kazakhstan:
/// "protesters killed" describes many places, and a text that never names Kazakhstan is about one of them.
/// </summary>
internal static class UnrestEvidence
{
    /// <summary>Anchor weight at which unrest terms count fully (a title mention, or three in the body).</summary>
    private const double FullAnchorWeight = 3.0;

    private const double MaximumPoints = 2.5;

    public static IEnumerable<Evidence> Weigh(IReadOnlyList<Mention> unrest, double anchorWeight, bool vocabularyCoversLanguage)
    {
        if (unrest.Count == 0)
            return Evidence.When(vocabularyCoversLanguage, -0.7, "no unrest terms");
        var terms = unrest.GroupBy(mention => mention.Label)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
            .ToList();
        var gate = Math.Min(1.0, anchorWeight / FullAnchorWeight);
        var points = gate * Math.Min(MaximumPoints, 0.7 * Math.Log(1 + unrest.Count) + 0.15 * (terms.Count - 1));
        var listed = string.Join(", ", terms.Take(4).Select(group => group.Count() > 1 ? $"{group.Key} ×{group.Count()}" : group.Key));
        var reason = gate < 0.5 ? $"unrest terms, but not tied to Kazakhstan: {listed}" : $"unrest terms: {listed}";
        return [new Evidence(points, reason)];
    }
}
