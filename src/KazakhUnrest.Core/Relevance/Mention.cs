namespace KazakhUnrest.Core.Relevance;

internal enum Zone
{
    Title,
    Lead,
    Body,
}

/// <summary>One occurrence of a term, where it stands, and whether it is only an item in a list of countries.</summary>
internal sealed record Mention(string Label, TermKind Kind, Zone Zone, bool InList)
{
    // Zone weights relative to a body mention, set by hand with the scorer (d06b748) and checked on the annotated seeds:
    // a title mention counts as three in the body, which is what UnrestEvidence.FullAnchorWeight and RelevanceScorer.Bias assume.
    private const double TitleWeight = 3.0;

    private const double LeadWeight = 2.0;

    // Small but not nothing: a country list still says the text touches the region.
    private const double ListWeight = 0.15;

    /// <summary>
    /// Editors put the subject in the headline and the opening paragraphs; a name further down is more
    /// often context. A name inside a list of countries is barely evidence at all.
    /// </summary>
    public double Weight => (InList ? ListWeight : 1.0) * Zone switch
    {
        Zone.Title => TitleWeight,
        Zone.Lead => LeadWeight,
        _ => 1.0,
    };
}
