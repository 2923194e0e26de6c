using System.Text.RegularExpressions;
using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// A title and body joined for matching, knowing which zone every position falls in, and the gazetteer's entities
/// (and country adjectives) the matcher finds in it.
/// </summary>
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
    private readonly IReadOnlyList<(EntityMention Mention, GazetteerEntry Entry)> _names;

    public ScoredText(string title, string text, EntityMatcher matcher)
    {
        Content = title + ParagraphBreak + text;
        _titleEnd = title.Length;
        _leadEnd = LeadEnd(Content, _titleEnd + ParagraphBreak.Length);
        _names = matcher.Find(Content, adjectives: true)
            .Select(mention => (mention, entry: matcher.Entry(mention.EntityId)))
            .Where(found => found.entry is not null)
            .Select(found => (found.mention, found.entry!))
            .ToList();
        _lists = CountryLists.Find(Content, _names.Where(found => found.Entry.Kind == EntityKind.Country && found.Mention.How != MentionHow.Adjective)
            .Select(found => found.Mention).ToList());
        Words = Word().Count(text) + Word().Count(title);
    }

    public string Content { get; }

    public int Words { get; }

    public IEnumerable<Mention> Find(Term term) =>
        term.Pattern.Matches(Content).Select(match => new Mention(term.Label, term.Kind, ZoneOf(match.Index), InList(match.Index)));

    /// <summary>The names that anchor the text in Kazakhstan.</summary>
    public IEnumerable<Mention> Anchors() =>
        from found in _names
        let kind = KazakhstanTerms.KindOf(found.Entry)
        where kind is not null
        select new Mention(KazakhstanTerms.Label(found.Entry), kind.Value, ZoneOf(found.Mention.Start), InList(found.Mention.Start));

    /// <summary>The names of a country, its places, people and bodies.</summary>
    public IEnumerable<Mention> OfCountry(string iso) =>
        from found in _names
        where string.Equals(KazakhstanTerms.CountryOf(found.Entry), iso, StringComparison.OrdinalIgnoreCase)
        select new Mention(found.Entry.Name, TermKind.Country, ZoneOf(found.Mention.Start), InList(found.Mention.Start));

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
