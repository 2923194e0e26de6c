using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Figures;

/// <summary>Who a sentence says its figures come from; <see cref="Start"/> and <see cref="End"/> index the sentence.</summary>
/// <param name="Cited">Named after "citing": the source behind the reporter, and so the one a figure is attributed to.</param>
internal sealed record Attribution(int Start, int End, string Text, bool Cited = false);

/// <summary>Finds "according to X", "X said", "said X", "citing X", "по данным X", "сообщили в X" in a sentence.</summary>
internal static partial class Attributions
{
    /// <summary>A source named after its cue runs to the next comma or full stop, or to "that" or a date.</summary>
    private const string Who = @"(?<who>[^,.;:()«»“”""]{2,80}?)(?=\s*(?:[,.;:()«»“”""]|$|\s+(?:that|on|in\s+a|said|says|что)\b))";

    /// <summary>A source named before its verb stops at the clause's start, so "Troops fired and officials said" names only the officials.</summary>
    private const int MaxWordsBefore = 7;

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "been", "being", "widely", "also", "not",
    };

    public static IReadOnlyList<Attribution> Find(string sentence)
    {
        var found = new List<Attribution>();
        foreach (Match match in After().Matches(sentence))
        {
            var who = match.Groups["who"];
            var citing = match.Groups["cue"].Value.StartsWith("cit", StringComparison.OrdinalIgnoreCase);
            // "citing a need to liberalise the market" gives a reason, not a source; a source is named.
            if (citing && !who.Value.Any(char.IsUpper))
            {
                continue;
            }

            found.Add(new Attribution(who.Index, who.Index + who.Length, who.Value.Trim(), citing));
        }
        foreach (Match match in Verb().Matches(sentence))
        {
            var start = ClauseStart(sentence, match.Index);
            var text = Perfect().Replace(sentence[start..match.Index].Trim(), "");
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "dozens are reported dead" is passive: nobody is named as the source.
            if (words.Length == 0 || words.Length > MaxWordsBefore || Auxiliaries.Contains(words[^1]))
            {
                continue;
            }

            var offset = sentence.IndexOf(text, start, StringComparison.Ordinal);
            found.Add(new Attribution(offset, offset + text.Length, text));
        }
        foreach (Match match in VerbFirst().Matches(sentence))
        {
            var who = match.Groups["who"];
            // ", said 19 police officers were among the dead": what was said, not who said it.
            if (char.IsDigit(who.Value.TrimStart()[0]) || Clause().IsMatch(who.Value))
            {
                continue;
            }

            found.Add(new Attribution(who.Index, who.Index + who.Length, who.Value.Trim()));
        }
        return found;
    }

    private static int ClauseStart(string sentence, int end)
    {
        var start = end;
        while (start > 0 && sentence[start - 1] is not (',' or ';' or ':' or '—' or '–' or '(' or '"' or '“' or '”' or '«' or '»'))
        {
            start--;
        }

        var that = ThatClause().Matches(sentence[start..end]).LastOrDefault();
        return that is null ? start : start + that.Index + that.Length;
    }

    [GeneratedRegex(@"\b(?<cue>according\s+to|citing|as\s+reported\s+by|по\s+данным|по\s+информации|по\s+словам|сообщили\s+в|сообщает|сообщают)\s+" + Who, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex After();

    [GeneratedRegex(@"(?<=\w)\s+(?:said|says|reported|reports|claimed|claims|announced|stated|confirmed|told\s+\w+|сообщил\w*|заявил\w*|заявляют|сообщают)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verb();

    [GeneratedRegex(@"[,—]\s*(?:said|says|reported|added|сообщил\w*|заявил\w*)\s+(?<who>(?:the\s+)?[^,.;:()«»“”""]{2,80}?)\s*(?=[.,;]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbFirst();

    // "Kazakh authorities have said", "officials previously said": the auxiliary and the adverb belong to the verb, not to who said it.
    [GeneratedRegex(@"(?:\s+(?:have|has|had|earlier|previously|initially|also|later))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Perfect();

    [GeneratedRegex(@"\b(?:that|and|but|while|as|after|что|и)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThatClause();

    [GeneratedRegex(@"\b(?:were|was|are|is|had|have|has|died|killed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Clause();
}
