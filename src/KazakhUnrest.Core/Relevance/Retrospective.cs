namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// A text that looks back on the unrest from a year or more later ("a year after Kazakhstan's deadly riots", "vor einem
/// Jahr ... wurde Kasachstan erschüttert") is an anniversary piece, an essay or a topic page of later news, not coverage
/// of the unrest and its aftermath, however much of the unrest it retells. Many captures carry no date, so the text's own
/// words are the only sign of when it was written.
/// </summary>
internal static partial class Retrospective
{
    // More than a publication date before the unrest (EventWindow's BeforePoints, -2.5): the text's own words put it a
    // year on, and its unrest terms (left out in place of UnrestEvidence) only retell what happened.
    // Set with the real-dev anniversary essay and the later topic page (issue 15), which score 0.94 on their retelling.
    private const double LookingBackPoints = -3.0;

    private static readonly Term LookingBack = Term.Of(TermKind.Unrest, "a year on",
        "a year after", "a year ago", "one year after", "one year on", "a year on", "year old war", "год спустя", "год назад",
        "спустя год", "vor einem Jahr", "ein Jahr nach", "il y a un an", "un an après", "hace un año", "un año después",
        "un anno fa", "un anno dopo", "há um ano", "um ano depois", "rok temu", "rok po", "een jaar geleden", "een jaar na",
        "bir yıl önce", "bir yıl sonra", "قبل عام", "بعد عام", "一年前", "一年后", "一年後", "1年前", "לפני שנה", "שנה אחרי");

    /// <summary>
    /// Distinct years a chronology of the country's past names ("1405 Feb 14, Timur ... died", "1832 Akmolinsk was founded"):
    /// a report on the unrest recalls a year or two of background (1991, 2011), never five.
    /// </summary>
    private const int HistoryYears = 5;

    /// <summary>Why the text only retells the unrest or times like it, or null when it does not.</summary>
    public static string? LooksBack(ScoredText text) =>
        text.Find(LookingBack).Any() ? "looks back from a year later: its unrest terms retell"
        : IsHistory(text.Content) ? "a history of other ages: its unrest terms retell"
        : null;

    /// <summary>
    /// A history page (a chronology of centuries, a country profile) names many years and none near the unrest: its
    /// killings and seizures are those of other ages, so, like a look-back, its unrest terms only retell.
    /// </summary>
    internal static bool IsHistory(string content)
    {
        var years = new HashSet<int>();
        foreach (var match in Year().EnumerateMatches(content))
        {
            var year = int.Parse(content.AsSpan(match.Index, match.Length), System.Globalization.CultureInfo.InvariantCulture);
            if (year >= EventWindow.Start.Year - 1)
            {
                return false;
            }

            years.Add(year);
        }

        return years.Count >= HistoryYears;
    }

    // A year of the last millennium or this one standing alone: not part of a figure ("4,000"), a numeric date or an address.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d/.,:-])(?:1\d{3}|20\d{2})(?![\d/.,:%-]\d|\d)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Year();

    /// <summary>
    /// In place of the unrest evidence: the retold unrest terms do not count, so, as for a text without them, the anchors
    /// count only up to what <paramref name="anchorExcess"/> takes back (see <see cref="UnrestEvidence.Excess"/>).
    /// </summary>
    public static IEnumerable<Evidence> Weigh(double anchorExcess, string reason) =>
        [new Evidence(LookingBackPoints - anchorExcess, reason)];
}
