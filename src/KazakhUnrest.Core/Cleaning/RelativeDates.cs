using KazakhUnrest.Core.Dates;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// A report that prints no date still says "on Monday"; the date resolver turns that into a day when a
/// printed date or the capture day anchors it. Nothing is inferred without an anchor.
/// </summary>
internal static class RelativeDates
{
    public static DateTimeOffset? Infer(string text, DateTimeOffset? capturedAt)
    {
        var captured = capturedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : (DateOnly?)null;
        return DateResolver.InferPublished(text, captured) is { } day ? new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero) : null;
    }
}
