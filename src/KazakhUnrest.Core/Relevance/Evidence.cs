namespace KazakhUnrest.Core.Relevance;

/// <summary>Points for (positive) or against (negative) the topic, with the sentence a reader is shown.</summary>
internal sealed record Evidence(double Points, string Reason)
{
    public static IEnumerable<Evidence> When(bool condition, double points, string reason) =>
        condition ? [new Evidence(points, reason)] : [];
}
