namespace KazakhUnrest.Core.Entities;

/// <summary>How a mention was recognised, from the most to the least certain.</summary>
public enum MentionHow
{
    Name,
    Alias,
    Description,

    /// <summary>A bare family name standing for a person named in full earlier in the same text.</summary>
    Surname,

    /// <summary>A family name after a title or honorific ("Mr. Xi", "President Tokayev").</summary>
    Title,

    /// <summary>A country's adjective ("Kazakh", "kasachisch"): only when asked for, see <see cref="EntityMatcher.Find(string, bool)"/>.</summary>
    Adjective,
}

/// <summary>A stretch of text that refers to a known entity; <see cref="Start"/> and <see cref="Length"/> index the text given to the matcher.</summary>
public sealed record EntityMention(string EntityId, EntityKind Kind, int Start, int Length, string Surface, MentionHow How)
{
    public int End => Start + Length;
}

/// <summary>
/// A name the gazetteer does not know that looks like a person or an organisation; <see cref="Cue"/> is the word that
/// made it look so. The events step counts these into <see cref="Data.EntityCandidate"/> rows for an editor to decide on.
/// </summary>
public sealed record FoundName(EntityKind Kind, int Start, int Length, string Surface, string Cue);
