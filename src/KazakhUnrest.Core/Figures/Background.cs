using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Figures;

/// <summary>
/// Tells an older figure retold as context from a new report: "the earlier toll of 164", "up from about 5,800",
/// "officials previously said 26 ...", "ранее сообщалось о 164 погибших". Such a figure is neither a new claim about
/// the day of the report nor a revision of it.
/// </summary>
internal static partial class Background
{
    /// <summary>
    /// The clauses of a sentence, as ranges. A cue such as "previously" belongs to its clause's verb, so it marks the
    /// counts of its clause and not those joined by ", and" or ";": "The ministry had earlier reported 2,200 injured,
    /// and the Interior Ministry said 1,300 officers were hurt" retells only the first.
    /// </summary>
    public static IReadOnlyList<Range> Clauses(string sentence)
    {
        var clauses = new List<Range>();
        var start = 0;
        foreach (Match boundary in ClauseBoundary().Matches(sentence))
        {
            clauses.Add(start..boundary.Index);
            start = boundary.Index + boundary.Length;
        }

        clauses.Add(start..sentence.Length);
        return clauses;
    }

    public static Range ClauseOf(IReadOnlyList<Range> clauses, int position) =>
        clauses.LastOrDefault(c => c.Start.Value <= position, clauses[0]);

    public static bool Contains(this Range range, int position) => range.Start.Value <= position && position < range.End.Value;

    /// <summary>How far before a number its "earlier toll of" words are read: they stand right before it.</summary>
    private const int AttachedReach = 100;

    /// <summary>
    /// Whether the number (or date) at <paramref name="position"/> is an older figure retold. A clause's cue must
    /// come before it ("officials previously said 26 ..."): "225 died, a sharp rise on the previously reported
    /// figure" is the new figure compared with an older one. A figure taken back may be told either way round.
    /// </summary>
    public static bool IsBackground(string sentence, Range clause, int position)
    {
        var before = sentence[clause.Start.Value..position];
        return Opening().IsMatch(sentence) || Attached().IsMatch(before.Length <= AttachedReach ? before : before[^AttachedReach..]) || InClause().IsMatch(before) || Retracted().IsMatch(sentence[clause]);
    }

    /// <summary>Words right before a number that make it an older figure of what the sentence counted before it: "up from", "compared with".</summary>
    public static bool IsRetoldAfter(string lead) => Attached().IsMatch(lead);

    [GeneratedRegex(@";|,\s+(?:and|but|while|whereas|as|а|но|однако|und|aber|mais|pero|ma)\s|\s[—–]\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();

    // "Earlier, ...", "Earlier on Saturday, ...", "Ранее ...": the whole sentence tells of an earlier report.
    [GeneratedRegex(@"^\W*(?:earlier|previously|ранее|прежде|zuvor|auparavant|précédemment|anteriormente|in\s+precedenza)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opening();

    // Words right before the number: "up from", "rose from", "the earlier toll of", "the previous death toll stood at", "ранее сообщалось о".
    [GeneratedRegex(@"(?:\b(?:up|down)\s+from|\b(?:earlier|previous|prior|initial|original|old|former|retracted|withdrawn|предыдущ\w*|прежн\w*|первоначальн\w*|vorherige\w*|frühere\w*|précédent\w*|anterior\w*|precedente)\s+(?:[\w’'-]+\s+){0,3}?(?:toll|figure|count|tally|estimate|number|total|data|данны\w*|цифр\w*|числ\w*|Zahl|Bilanz|bilan|balance|cifra|bilancio)s?\s*(?:of|was|were|had\s+been|stood\s+at|at|put\s+at|в|составлял\w*|von|de|di|était|era)?(?:\s+(?:about|around))?|\bcompared\s+(?:with|to)|\bранее\s+сообщал\w*\s+(?:о|об)|\bcontre|\bfrente\s+a(?:\s+los)?|\bgegenüber)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attached();

    // A clause that reports what was said before: "officials previously said", "had earlier reported", "earlier in the day".
    [GeneratedRegex(@"\b(?:previously|(?:had|has|have)\s+(?:earlier|previously|initially|first)|earlier\s+(?:in\s+the\s+day|this\s+week|on\s+\w+)|ранее|прежде|zuvor|vorher|auparavant|précédemment|anteriormente|previamente|in\s+precedenza)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InClause();

    // A figure taken back: "a toll of 164 that appeared last week was retracted", "had withdrawn a figure of 164".
    [GeneratedRegex(@"\b(?:figure|toll|number|count|data|tally)\b.{0,80}?\b(?:retracted|withdrawn|withdrew|corrected)\b|\b(?:retracted|withdr[ae]wn?|withdrew|corrected)\s+(?:a|the|its|an|that)\s+(?:[\w’'-]+\s+){0,3}?(?:figure|toll|number|count|data|tally)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Retracted();
}
