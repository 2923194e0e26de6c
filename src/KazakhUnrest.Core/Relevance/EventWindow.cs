namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// The unrest began with the LPG price rise of 1 January 2022; its aftermath (trials, the inquiry, the
/// reforms and the snap election) ran through 2022. A report from before the price rise cannot be about it;
/// one from later years may look back on it, so a late date counts against the topic only mildly.
/// </summary>
internal static class EventWindow
{
    public static readonly DateOnly Start = new(2021, 12, 15);

    public static readonly DateOnly End = new(2022, 12, 31);

    /// <summary>Dates this close outside the window are neither for nor against: the run-up and the anniversary.</summary>
    private const int MarginDays = 60;

    public static IEnumerable<Evidence> Weigh(DateTimeOffset? published)
    {
        if (published is not { } value)
            return [];
        var date = DateOnly.FromDateTime(value.UtcDateTime);
        var shown = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (date >= Start && date <= End)
            return [new Evidence(0.6, $"event window: published {shown}")];
        if (date < Start.AddDays(-MarginDays))
            return [new Evidence(-2.5, $"published {shown}, before the unrest")];
        if (date > End.AddDays(MarginDays))
            return [new Evidence(-1.0, $"published {shown}, long after the unrest")];
        return [];
    }
}
