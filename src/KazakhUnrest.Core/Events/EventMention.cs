using KazakhUnrest.Core.Dates;

namespace KazakhUnrest.Core.Events;

/// <summary>
/// Something a sentence reports as having happened on a day. <see cref="Date"/> to <see cref="End"/> is
/// one day unless the text gave a span ("over the weekend").
/// </summary>
/// <param name="Kind">A stable key such as "government-resigns", or "other:" and a verb stem for happenings the lexicon does not know.</param>
/// <param name="DateInferred">
/// The sentence itself carries no date: it took the day the report was last talking about, or the day of
/// the sentence that reports it ("... shared the news on Monday"). Weaker evidence than a printed date.
/// </param>
/// <param name="Trigger">The words that made the sentence an event.</param>
/// <param name="Actors">Ids of the people, organisations and countries named in the sentence, sorted.</param>
/// <param name="Places">Ids of the places named in the sentence, sorted.</param>
/// <param name="Countries">Those of <paramref name="Actors"/> that are countries: too common to tie two reports together on their own.</param>
/// <param name="DateText">The date expression the day came from ("late on Tuesday"), wherever in the text it stood.</param>
public sealed record EventMention(
    string Kind,
    DateOnly Date,
    DateOnly End,
    DatePrecision Precision,
    PartOfDay? PartOfDay,
    bool DateInferred,
    int SentenceStart,
    int SentenceLength,
    string Sentence,
    string Trigger,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Countries,
    string Summary,
    string DateText = "");
