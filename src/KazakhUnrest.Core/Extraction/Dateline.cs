using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Extraction;

/// <summary>The place line that opens a wire report: "ALMATY, Jan 5 (Reuters) -" or "MOSCOW —".</summary>
internal static partial class Dateline
{
    public static string? Of(string firstParagraph)
    {
        var match = Match(firstParagraph);
        return match.Success ? match.Groups["place"].Value.Trim() : null;
    }

    /// <summary>
    /// How many characters the dateline that opens <paramref name="paragraph"/> takes, date, agency and dash included
    /// ("ALMATY, Jan 5 (Reuters) - " is 26); 0 when the paragraph opens with none. What follows it is the report itself.
    /// </summary>
    public static int Length(string paragraph)
    {
        var match = Match(paragraph);
        return match.Success ? match.Length : 0;
    }

    private static Match Match(string paragraph) =>
        Pattern().Match(paragraph) is { Success: true } dashed ? dashed
        : WithAgency().Match(paragraph) is { Success: true } bracketed ? bracketed
        : SlashedAgency().Match(paragraph);

    // An upper-case place (one to three words), optionally a date and an agency in brackets, then a dash.
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}\p{Lu}'.\-]+(?:[ /]\p{Lu}[\p{Lu}'.\-]+){0,2})(?:,\s*[^—–\-()]{1,30}?)?(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    // Title-case places ("Beijing, Jan. 7 (Xinhua) --") count only with an agency in brackets.
    [GeneratedRegex(@"^(?<place>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?),\s*[^()]{1,30}\([^)]{1,30}\)\s*[—–-]{1,2}\s", RegexOptions.CultureInvariant)]
    private static partial Regex WithAgency();

    // TASS and the agencies that copy its style close the dateline with the agency between slashes: "MOSCOW, January 15. /TASS/.".
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}'.\-]+(?:[ /]\p{Lu}[\p{Lu}'.\-]+){0,2}),\s*[^/()]{1,30}?\s*/\p{Lu}[^/]{1,28}/\.?\s", RegexOptions.CultureInvariant)]
    private static partial Regex SlashedAgency();
}
