using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Relevance;

/// <summary>A title and body joined for matching, knowing which zone every position falls in.</summary>
internal sealed partial class ScoredText
{
    /// <summary>The lead is the first two paragraphs, cut at this length: a capture that lost its paragraph breaks has no lead to speak of.</summary>
    private const int LeadLength = 1000;

    private readonly int titleEnd;
    private readonly int leadEnd;
    private readonly IReadOnlyList<(int Start, int End)> lists;

    public ScoredText(string title, string text)
    {
        Content = title + "\n\n" + text;
        titleEnd = title.Length;
        leadEnd = LeadEnd(Content, titleEnd + 2);
        lists = CountryLists.Find(Content);
        Words = Word().Count(text) + Word().Count(title);
    }

    public string Content { get; }

    public int Words { get; }

    public IEnumerable<Mention> Find(Term term) => Find(term.Pattern, term.Label, term.Kind);

    private IEnumerable<Mention> Find(Regex pattern, string label, TermKind kind) =>
        pattern.Matches(Content).Select(match => new Mention(label, kind, ZoneOf(match.Index), InList(match.Index)));

    private Zone ZoneOf(int index) =>
        index < titleEnd ? Zone.Title : index < leadEnd ? Zone.Lead : Zone.Body;

    private bool InList(int index) => lists.Any(list => index >= list.Start && index < list.End);

    private static int LeadEnd(string content, int bodyStart)
    {
        var end = bodyStart;
        for (var paragraphs = 0; paragraphs < 2 && end < content.Length; paragraphs++)
        {
            var next = content.IndexOf("\n\n", end, StringComparison.Ordinal);
            end = next < 0 ? content.Length : next + 2;
        }
        return Math.Min(end, bodyStart + LeadLength);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
