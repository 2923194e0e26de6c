namespace KazakhUnrest.Core.Framing;

/// <summary>Whose words a loaded term is.</summary>
public enum FramingVoice
{
    /// <summary>The outlet's own words.</summary>
    Outlet,

    /// <summary>Inside a quote of a named speaker: the speaker's words, not the outlet's.</summary>
    Speaker,

    /// <summary>In quotation marks with nobody named: the outlet holds the word at a distance ("sent “peacekeeping forces”").</summary>
    Distanced,
}

/// <summary>One use of a loaded term; positions index the text given to <see cref="FramingExtractor.Extract"/>.</summary>
public sealed record FramingUse(
    string Term,
    string Surface,
    FramingVoice Voice,
    string? SpeakerId,
    string? Speaker,
    int Start,
    int Length,
    int SentenceStart,
    int SentenceLength,
    string Sentence);
