namespace KazakhUnrest.Core.Figures;

/// <summary>
/// One numeric claim of a text: how many were killed, detained, deployed, or what a litre cost. Positions index
/// the text given to <see cref="FigureExtractor.Extract"/>; the outlet and article are the caller's, who knows
/// where the text came from.
/// </summary>
/// <param name="Measure">A stable key from <see cref="FigureMeasures"/>.</param>
/// <param name="Low">The value, or the lower end of a range; null for a vague quantity.</param>
/// <param name="High">Equal to <paramref name="Low"/> for a single value; null for a vague quantity.</param>
/// <param name="Qualifier">"over", "almost", "about", "at least", "up to", or null.</param>
/// <param name="Vague">"dozens", "hundreds", "thousands", "scores" when no number is printed.</param>
/// <param name="Unit">"people", "troops", "tenge", "USD", "EUR", "RUB".</param>
/// <param name="Change">
/// A change is given as two figures rather than one with a previous value, so each keeps its own qualifier
/// and unit ("from around USD 0.12 to USD 0.23-28"): "from" marks the value before, "to" the value after, null
/// a figure that is not part of a change.
/// </param>
/// <param name="AttributedTo">The entity id when the attribution names a known entity, else the attribution text, else null.</param>
/// <param name="Date">The day the figure refers to, from a date written in its sentence.</param>
public sealed record Figure(
    string Measure,
    decimal? Low,
    decimal? High,
    string? Qualifier,
    string? Vague,
    string Unit,
    string? Change,
    string? AttributedTo,
    string? AttributionText,
    DateOnly? Date,
    int Start,
    int Length,
    string Surface,
    int SentenceStart,
    int SentenceLength,
    string Sentence);
