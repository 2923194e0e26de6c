using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Extraction;

/// <summary>The place line that opens a wire report: "ALMATY, Jan 5 (Reuters) -" or "MOSCOW —".</summary>
internal static partial class Dateline
{
    public static string? Of(string firstParagraph)
    {
        var match = Pattern().Match(firstParagraph);
        if (!match.Success)
        {
            match = WithAgency().Match(firstParagraph);
        }

        return match.Success ? match.Groups["place"].Value.Trim() : null;
    }

    /// <summary>
    /// How many characters the dateline that opens <paramref name="paragraph"/> takes, date, agency and dash included
    /// ("ALMATY, Jan 5 (Reuters) - " is 26); 0 when the paragraph opens with none. What follows it is the report itself.
    /// </summary>
    public static int Length(string paragraph)
    {
        var match = Pattern().Match(paragraph);
        if (!match.Success)
        {
            match = WithAgency().Match(paragraph);
        }

        return match.Success ? match.Length : 0;
    }

    // An upper-case place (one to three words), optionally a date and an agency in brackets, then a dash.
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}\p{Lu}'.\-]+(?:[ /]\p{Lu}[\p{Lu}'.\-]+){0,2})(?:,\s*[^—–\-()]{1,30}?)?(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    // Title-case places ("Beijing, Jan. 7 (Xinhua) --") count only with an agency in brackets.
    [GeneratedRegex(@"^(?<place>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?),\s*[^()]{1,30}\([^)]{1,30}\)\s*[—–-]{1,2}\s", RegexOptions.CultureInvariant)]
    private static partial Regex WithAgency();
}
