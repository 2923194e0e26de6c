namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// How strongly a text is about the January 2022 unrest in Kazakhstan (0..1), the decision, and the
/// evidence behind it in the order it weighed, so a reader can see why.
/// </summary>
public sealed record RelevanceResult(double Score, bool OnTopic, IReadOnlyList<string> Reasons);
