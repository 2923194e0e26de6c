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

    // An upper-case place (one to three words), optionally a date and an agency in brackets, then a dash.
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}\p{Lu}'.\-]+(?:[ /]\p{Lu}[\p{Lu}'.\-]+){0,2})(?:,\s*[^—–\-()]{1,30}?)?(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    // Title-case places ("Beijing, Jan. 7 (Xinhua) --") count only with an agency in brackets.
    [GeneratedRegex(@"^(?<place>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?),\s*[^()]{1,30}\([^)]{1,30}\)\s*[—–-]{1,2}\s", RegexOptions.CultureInvariant)]
    private static partial Regex WithAgency();
}
