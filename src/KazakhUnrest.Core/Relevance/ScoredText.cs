using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Relevance;

/// <summary>A title and body joined for matching, knowing which zone every position falls in.</summary>
internal sealed partial class ScoredText
{
    /// <summary>The lead is the first two paragraphs, cut at this length: a capture that lost its paragraph breaks has no lead to speak of.</summary>
    private const int LeadLength = 1000;

    // Newspaper style puts who, what and where in the first two paragraphs.
    private const int LeadParagraphs = 2;

    private const string ParagraphBreak = "\n\n";

    private readonly int _titleEnd;
    private readonly int _leadEnd;
    private readonly IReadOnlyList<(int Start, int End)> _lists;

    public ScoredText(string title, string text)
    {
        Content = title + ParagraphBreak + text;
        _titleEnd = title.Length;
        _leadEnd = LeadEnd(Content, _titleEnd + ParagraphBreak.Length);
        _lists = CountryLists.Find(Content);
        Words = Word().Count(text) + Word().Count(title);
    }

    public string Content { get; }

    public int Words { get; }

    public IEnumerable<Mention> Find(Term term) => Find(term.Pattern, term.Label, term.Kind);

    private IEnumerable<Mention> Find(Regex pattern, string label, TermKind kind) =>
        pattern.Matches(Content).Select(match => new Mention(label, kind, ZoneOf(match.Index), InList(match.Index)));

    private Zone ZoneOf(int index) =>
        index < _titleEnd ? Zone.Title : index < _leadEnd ? Zone.Lead : Zone.Body;

    private bool InList(int index) => _lists.Any(list => index >= list.Start && index < list.End);

    private static int LeadEnd(string content, int bodyStart)
    {
        var end = bodyStart;
        for (var paragraphs = 0; paragraphs < LeadParagraphs && end < content.Length; paragraphs++)
        {
            var next = content.IndexOf(ParagraphBreak, end, StringComparison.Ordinal);
            end = next < 0 ? content.Length : next + ParagraphBreak.Length;
        }
        return Math.Min(end, bodyStart + LeadLength);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
