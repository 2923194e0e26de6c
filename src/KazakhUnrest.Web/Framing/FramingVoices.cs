using KazakhUnrest.Core.Framing;

namespace KazakhUnrest.Web.Framing;

public static class FramingVoices
{
    /// <summary>Whose word a use is, as the framing and comparison pages say it.</summary>
    public static string Describe(FramingVoice voice, string? speaker) => voice switch
    {
        FramingVoice.Speaker => $"quoting {speaker}",
        FramingVoice.Distanced => "in quotation marks, nobody named",
        _ => "in the outlet's own voice",
    };
}
