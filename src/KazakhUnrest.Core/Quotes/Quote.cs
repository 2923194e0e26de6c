namespace KazakhUnrest.Core.Quotes;

public enum QuoteKind
{
    /// <summary>A sentence or more in quotation marks: “The police have disappeared from the city,” said Mr. Ageleulov.</summary>
    Direct,

    /// <summary>A few words in quotation marks inside the outlet's own sentence: calling the protesters “a band of terrorists”.</summary>
    Partial,

    /// <summary>Reported speech without quotation marks: the ministry said that 95 police officers were injured.</summary>
    Reported,
}

/// <summary>
/// Words an article puts in someone else's mouth. Positions index the text given to <see cref="QuoteExtractor.Extract"/>.
/// </summary>
/// <param name="Text">The quoted words without their quotation marks, or the reported claim.</param>
/// <param name="SpeakerId">The entity id of the speaker when the speaker is a known entity.</param>
/// <param name="Speaker">The speaker as the article names it ("Mr. Ageleulov", "a State Department spokesman"); null when nobody is named.</param>
/// <param name="Cue">The words that tie the quote to its speaker: "said", "according to", "calling"; null for unattributed quotation marks.</param>
public sealed record Quote(
    QuoteKind Kind,
    string Text,
    string? SpeakerId,
    string? Speaker,
    string? Cue,
    int Start,
    int Length,
    int SentenceStart,
    int SentenceLength,
    string Sentence)
{
    public int End => Start + Length;
}
