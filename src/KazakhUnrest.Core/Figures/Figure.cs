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
/// <param name="Date">
/// The day the figure refers to, from a date written in its sentence ("said on Sunday", "as of Jan. 9"); for a
/// background figure only a date in its own clause, since the sentence's date is when the newer figure was given.
/// </param>
/// <param name="Place">
/// The place (entity id) a count is limited to ("103 in Almaty"), null for a count of the whole country. Who was
/// counted is part of <paramref name="Measure"/>.
/// </param>
/// <param name="Background">
/// An older figure retold as context ("the earlier toll of 164", "up from 5,800", the value before a change): kept
/// and linked to its sentence, but neither a new report nor a revision.
/// </param>
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
    string Sentence,
    string? Place = null,
    bool Background = false);
