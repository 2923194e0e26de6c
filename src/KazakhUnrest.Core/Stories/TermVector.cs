namespace KazakhUnrest.Core.Stories;

/// <summary>An article's strongest terms (hashed), with unit-length weights; entity-like terms flagged.</summary>
public sealed class TermVector(ulong[] terms, float[] weights, bool[] entities)
{
    public ulong[] Terms { get; } = terms;
    public float[] Weights { get; } = weights;
    public bool[] Entities { get; } = entities;
    public int Count => Terms.Length;
}
