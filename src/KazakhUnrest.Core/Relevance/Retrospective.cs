namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// A text that looks back on the unrest from a year or more later ("a year after Kazakhstan's deadly riots", "vor einem
/// Jahr ... wurde Kasachstan erschüttert") is an anniversary piece, an essay or a topic page of later news, not coverage
/// of the unrest and its aftermath, however much of the unrest it retells. Many captures carry no date, so the text's own
/// words are the only sign of when it was written.
/// </summary>
internal static class Retrospective
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

    public static bool LooksBack(ScoredText text) => text.Find(LookingBack).Any();

    /// <summary>
    /// In place of the unrest evidence: the retold unrest terms do not count, so, as for a text without them, the anchors
    /// count only up to what <paramref name="anchorExcess"/> takes back (see <see cref="UnrestEvidence.Excess"/>).
    /// </summary>
    public static IEnumerable<Evidence> Weigh(double anchorExcess) =>
        [new Evidence(LookingBackPoints - anchorExcess, "looks back from a year later: its unrest terms retell")];
}
