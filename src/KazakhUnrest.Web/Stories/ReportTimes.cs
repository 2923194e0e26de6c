namespace KazakhUnrest.Web.Stories;

public static class ReportTimes
{
    /// <summary>
    /// When a report came out, for ordering outlets by first report: its printed time, else the day its text gives
    /// (at midnight), else when we first saw it. A capture imported years later was first seen then; its day is nearer the truth.
    /// </summary>
    public static DateTimeOffset ReportedAt(DateTimeOffset? published, DateOnly? inferred, DateTimeOffset firstSeen) =>
        published ?? (inferred is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : firstSeen);
}
