using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>Turns a captured text into trimmed, non-empty lines; each line is one unit (paragraph, heading or furniture).</summary>
internal static partial class Lines
{
    public static List<string> Split(string text) =>
        text.ReplaceLineEndings("\n")
            .Split('\n')
            .Select(Normalise)
            .Where(line => line.Length > 0)
            .ToList();

    /// <summary>Browsers copy non-breaking and zero-width spaces verbatim; stored text wants plain single spaces.</summary>
    public static string Normalise(string line) =>
        Whitespace().Replace(Invisible().Replace(line, ""), " ").Trim();

    public static int WordCount(string line) => Words().Count(line);

    /// <summary>True when the line closes a sentence, quotes and brackets after the stop included.</summary>
    public static bool EndsSentence(string line) => SentenceEnd().IsMatch(line);

    // "Yes.", "Thank you!", "Read more." are three words or fewer; a sentence of an article has more (2bf84c1, seed captures).
    private const int ProseMinWords = 4;

    /// <summary>A line that reads as running text: it closes a sentence and is longer than a label ("Yes.", "Thank you!").</summary>
    public static bool IsProse(string line) => EndsSentence(line) && WordCount(line) >= ProseMinWords;

    public static bool StartsLowerCase(string line) => line.Length > 0 && char.IsLower(line[0]);

    [GeneratedRegex(@"[\u200B-\u200D\u2060\uFEFF\u00AD]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"[\s\u00A0\u2007\u202F]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*")]
    private static partial Regex Words();

    [GeneratedRegex(@"[.!?…](?:[""'”’»)\]]+)?$")]
    private static partial Regex SentenceEnd();
}
