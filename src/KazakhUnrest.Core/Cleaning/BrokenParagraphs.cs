using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// Print-edition captures break paragraphs at column ends and set compounds as "Mongolia- Central".
/// A line that stops mid-sentence is continued by the next one only when the next line cannot start
/// anything else (lower-case start) or the break falls inside a hyphenated compound; a heading ends
/// without a stop too, so a capitalised line after it is left alone.
/// </summary>
internal static partial class BrokenParagraphs
{
    public static List<string> Rejoin(IEnumerable<string> lines)
    {
        var joined = new List<string>();
        foreach (var line in lines)
        {
            if (joined.Count > 0 && Continues(joined[^1], line))
            {
                joined[^1] = Join(joined[^1], line);
            }
            else
            {
                joined.Add(line);
            }
        }
        return joined.Select(CloseSpacedHyphens).ToList();
    }

    /// <summary>"Mongolia- Central Asia" is one compound; "pre- and post-war" keeps its suspended hyphen.</summary>
    public static string CloseSpacedHyphens(string line) => SpacedHyphen().Replace(line, "-");

    private static bool Continues(string previous, string next) =>
        !Lines.EndsSentence(previous) && (Lines.StartsLowerCase(next) || BreakInCompound().IsMatch(previous));

    private static string Join(string previous, string next) =>
        previous.EndsWith('-') ? previous + next : previous + " " + next;

    [GeneratedRegex(@"\p{L}-(\s\p{L}+)?$")]
    private static partial Regex BreakInCompound();

    [GeneratedRegex(@"(?<=\p{L})- (?!(and|or|nor|to|und|oder|и|или)\b)(?=\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex SpacedHyphen();
}
