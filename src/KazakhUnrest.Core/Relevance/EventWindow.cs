namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// The unrest began with the LPG price rise of 1 January 2022; its aftermath (trials, the inquiry, the
/// reforms and the snap election) ran through 2022. A report from before the price rise cannot be about it;
/// one from later years may look back on it, so a late date counts against the topic only mildly.
/// </summary>
internal static class EventWindow
{
    // About two weeks before the 1 January price rise, so reports from the run-up fall inside.
    public static readonly DateOnly Start = new(2021, 12, 15);

    // The year of the aftermath: trials, the inquiry, the reforms and the November snap election.
    public static readonly DateOnly End = new(2022, 12, 31);

    /// <summary>Dates this close outside the window are neither for nor against: the run-up and the anniversary.</summary>
    private const int MarginDays = 60;

    // The points were set by hand with the scorer (d06b748) and checked against the annotated seeds and sample capture.

    // Inside the window: mild support, a date alone never makes a text on topic.
    private const double InWindowPoints = 0.6;

    // Before the unrest: a report cannot be about what had not happened, so this nearly decides alone.
    private const double BeforePoints = -2.5;

    // Long after: look-backs and anniversaries exist, so only a mild push against.
    private const double LongAfterPoints = -1.0;

    public static IEnumerable<Evidence> Weigh(DateTimeOffset? published)
    {
        if (published is not { } value)
        {
            return [];
        }

        var date = DateOnly.FromDateTime(value.UtcDateTime);
        var shown = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (date >= Start && date <= End)
        {
            return [new Evidence(InWindowPoints, $"event window: published {shown}")];
        }

        if (date < Start.AddDays(-MarginDays))
        {
            return [new Evidence(BeforePoints, $"published {shown}, before the unrest")];
        }

        if (date > End.AddDays(MarginDays))
        {
            return [new Evidence(LongAfterPoints, $"published {shown}, long after the unrest")];
        }

        return [];
    }
}
