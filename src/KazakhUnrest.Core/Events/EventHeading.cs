using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Events;

/// <summary>
/// The heading a reader sees for a timeline entry: the sentence that reports the happening, without what only a wire
/// desk needs (the dateline "ZHANAOZEN, Kazakhstan, Jan 2 (Steppe Wire) - ", a closing "..., the ministry said") and
/// short enough to scan. The full sentence stays with each source.
/// </summary>
public static partial class EventHeading
{
    /// <summary>Longest heading kept; a longer one is cut at a word boundary. Two lines of the timeline's column.</summary>
    public const int MaxLength = 160;

    /// <summary>A closing attribution is dropped only when what remains still says something: "Police said." stays whole.</summary>
    private const int MinRemaining = 40;

    public static string Of(string sentence)
    {
        var flat = Whitespace().Replace(sentence, " ").Trim();
        flat = flat[Extraction.Dateline.Length(flat)..].TrimStart();
        if (Attribution().Match(flat) is { Success: true } said && said.Index >= MinRemaining)
        {
            flat = flat[..said.Index].TrimEnd(' ', ',', ';') + ".";
        }

        if (flat.Length > MaxLength)
        {
            var cut = flat.LastIndexOf(' ', MaxLength);
            flat = flat[..(cut > 0 ? cut : MaxLength)].TrimEnd(' ', ',', ';', ':') + "…";
        }

        return flat.Length > 0 && char.IsLower(flat[0]) ? char.ToUpperInvariant(flat[0]) + flat[1..] : flat;
    }

    /// <summary>
    /// A last clause that only says who told it: ", the presidential office said on Sunday.", ", according to state
    /// media.", ", сообщили в кабинете министров.". Short, so it never swallows a clause that tells something.
    /// </summary>
    [GeneratedRegex(@",\s*(?:(?:[^,.;:!?]{1,60}?\s)?(?:said|says|reported|reports|announced|added|told\s+\w+(?:\s+\w+)?)(?:\s+(?:on|late\s+on|early\s+on)\s+\w+|\s+\w+day)?|according\s+to\s+[^,.;:!?]{1,60}|(?:сообщил\w*|заявил\w*|передает|передаёт|говорится)\s[^,.;:!?]{1,60})\s*[.!]?[""”»']?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
