namespace KazakhUnrest.DevTools.Generate;

/// <summary>
/// A kind of event the generator writes stories about: when it can happen, where, and sentence templates.
/// Slots in braces come from the story's facts (<see cref="StoryFacts"/>); "{~word}" slots are synonyms the
/// writer picks once per article, so two outlets telling the same facts rarely share five words in a row.
/// A singular kind happened once (the government resigned once): it makes one story, however big the corpus.
/// <see cref="UniqueBy"/> names the slot whose value makes a story of this kind (one state of emergency per city):
/// two stories that agree on it would in reality be one.
/// </summary>
public sealed record StoryKind(
    string Name,
    DateOnly From,
    DateOnly To,
    double Weight,
    string[] Cities,
    string[] Titles,
    string[] Leads,
    string[][] Facts,
    string[] Quotes,
    bool Singular = false,
    string? UniqueBy = null);
