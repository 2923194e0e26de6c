namespace KazakhUnrest.Core.Events;

/// <summary>
/// What a reader sees for an event kind of <see cref="EventKinds"/>: "Government resigns", not "government-resigns".
/// One label per kind in the lexicon; a kind the table lacks (an editor's, or an old one) reads as its words.
/// </summary>
public static class EventKindLabels
{
    /// <summary>Happenings the lexicon does not know are keyed by their verb ("other:gather"), which a reader need not see.</summary>
    public const string OtherLabel = "Other event";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["government-resigns"] = "Government resigns",
        ["state-of-emergency"] = "State of emergency",
        ["protests-begin"] = "Protests begin",
        ["price-controls-lifted"] = "Price controls lifted",
        ["price-controls-restored"] = "Price controls restored",
        ["price-cap"] = "Price cap",
        ["price-rise"] = "Price rise",
        ["military-help-requested"] = "Military help requested",
        ["csto-deployment-approved"] = "Deployment approved",
        ["troops-withdrawn"] = "Troops withdraw",
        ["troops-deployed"] = "Troops deployed",
        ["building-seized"] = "Building seized",
        ["shoot-to-kill-order"] = "Order to shoot",
        ["violence"] = "Violence",
        ["casualties-reported"] = "Casualties reported",
        ["detentions"] = "Detentions",
        ["arrest"] = "Arrest",
        ["appointment"] = "Appointment",
        ["mourning-day"] = "Day of mourning",
        ["video-address"] = "Video address",
        ["security-cooperation"] = "Security cooperation",
        [EventKinds.Message] = "Message",
        [EventKinds.Call] = "Phone call",
        [EventKinds.Statement] = "Statement",
    };

    public static string Label(string kind)
    {
        if (Labels.TryGetValue(kind, out var label))
        {
            return label;
        }

        if (kind == EventKinds.Other || kind.StartsWith(EventKinds.Other + ":", StringComparison.Ordinal))
        {
            return OtherLabel;
        }

        var words = kind.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? OtherLabel : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
