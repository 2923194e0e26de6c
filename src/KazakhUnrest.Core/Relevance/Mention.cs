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
    /// <summary>
    /// Editors put the subject in the headline and the opening paragraphs; a name further down is more
    /// often context. A name inside a list of countries is barely evidence at all.
    /// </summary>
    public double Weight => (InList ? 0.15 : 1.0) * Zone switch
    {
        Zone.Title => 3.0,
        Zone.Lead => 2.0,
        _ => 1.0,
    };
}
