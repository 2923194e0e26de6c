namespace KazakhUnrest.Core.Dates;

public enum DatePrecision
{
    Day,
    PartOfDay,
    Week,
    Month,
}

public enum PartOfDay
{
    Morning,
    Afternoon,
    Evening,
    Night,
    Overnight,
    Late,
    Early,
}

/// <summary>
/// A date expression found in a text and the days it stands for. <see cref="Date"/> is the first day and
/// <see cref="End"/> the last (the same day unless the expression names a range, a week, a weekend or a month).
/// </summary>
/// <param name="Relative">Resolved from a weekday or a relative phrase rather than a printed date.</param>
/// <param name="Dateline">
/// The date of the dateline that opens the report ("ALMATY, Jan 5 (Reuters) -"): the day the report was written, which
/// relative expressions count from, not the day of anything the report tells.
/// </param>
public sealed record DateMention(
    int Start,
    int Length,
    string Text,
    DateOnly Date,
    DateOnly End,
    DatePrecision Precision,
    PartOfDay? PartOfDay,
    int Sentence,
    int SentenceStart,
    int SentenceLength,
    bool Relative,
    bool Dateline = false);
