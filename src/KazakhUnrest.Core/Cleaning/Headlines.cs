using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>What stands above the body: the headline, a standfirst (deck) and lines to drop (kickers, captions, mastheads).</summary>
internal sealed record Header(string? Title, string? Standfirst, IReadOnlyList<string> Body);

/// <summary>
/// The header is every line before the first sentence of running text. Its headline is the first line
/// shaped like one; a longer line right after it is the standfirst; the rest of the header is furniture.
/// </summary>
internal static partial class Headlines
{
    // Set on the five seed captures with the cleaner (2bf84c1) and pinned by their gold test (SeedGoldTests).

    // A headline is a phrase: fewer words is a label ("World", "Top news"), more is a sentence of the body.
    private const int HeadlineMinWords = 3;
    private const int HeadlineMaxWords = 20;

    // A standfirst is a full sentence, longer than a kicker or a byline line.
    private const int StandfirstMinWords = 10;

    public static Header Read(IReadOnlyList<string> lines)
    {
        var headerLength = HeaderLength(lines);
        if (headerLength == lines.Count)
        {
            return new Header(null, null, lines);
        }

        var header = lines.Take(headerLength).ToList();
        var titleAt = header.FindIndex(line => IsHeadline(line) || IsSentenceHeadline(line));
        var title = titleAt >= 0 ? header[titleAt] : null;
        var standfirst = title is not null && titleAt + 1 < header.Count && IsStandfirst(header[titleAt + 1], title)
            ? header[titleAt + 1]
            : null;
        return new Header(title, standfirst, lines.Skip(headerLength).ToList());
    }

    public static bool IsHeadline(string line) => IsTitleShaped(line, HeadlineMinWords, HeadlineMaxWords);

    /// <summary>Short, capitalised, and not a sentence (a question or exclamation still counts): headlines and section headings alike.</summary>
    public static bool IsTitleShaped(string line, int minWords, int maxWords) =>
        Lines.WordCount(line) >= minWords
        && Lines.WordCount(line) <= maxWords
        && StartsLikeTitle().IsMatch(line)
        && !TrailingJoiner().IsMatch(line)
        && (!Lines.EndsSentence(line) || QuestionOrExclamation().IsMatch(line));

    /// <summary>
    /// Some outlets end headlines with a full stop. Such a line is taken for a headline only when it is one
    /// short sentence that does not open on a quote or a linking adverb ("Meanwhile, ..."), as lead paragraphs do.
    /// </summary>
    public static bool IsSentenceHeadline(string line) =>
        Lines.WordCount(line) is >= HeadlineMinWords and <= HeadlineMaxWords
        && Lines.EndsSentence(line)
        && char.IsUpper(line[0])
        && !InnerSentenceBreak().IsMatch(line)
        && !OpeningAdverb().IsMatch(line);

    private static int HeaderLength(IReadOnlyList<string> lines)
    {
        var length = 0;
        while (length < lines.Count && (!Lines.IsProse(lines[length]) || OpensWithSentenceHeadline(lines, length)))
        {
            length++;
        }

        return length;
    }

    private static bool OpensWithSentenceHeadline(IReadOnlyList<string> lines, int at) =>
        IsSentenceHeadline(lines[at])
        && at + 1 < lines.Count
        && Lines.IsProse(lines[at + 1])
        && Lines.WordCount(lines[at + 1]) > Lines.WordCount(lines[at])
        && !lines.Take(at).Any(line => IsHeadline(line) || IsSentenceHeadline(line));

    private static bool IsStandfirst(string line, string title) =>
        Lines.WordCount(line) >= StandfirstMinWords && Lines.WordCount(line) > Lines.WordCount(title);

    [GeneratedRegex(@"^[\p{Lu}\p{N}""“‘«']")]
    private static partial Regex StartsLikeTitle();

    [GeneratedRegex(@"[,;:—–-]$")]
    private static partial Regex TrailingJoiner();

    [GeneratedRegex(@"[?!][""'”’»)]*$")]
    private static partial Regex QuestionOrExclamation();

    [GeneratedRegex(@"[.!?][""'”’»)]*\s+[\p{Lu}""“‘«]")]
    private static partial Regex InnerSentenceBreak();

    [GeneratedRegex(@"^\p{L}+,")]
    private static partial Regex OpeningAdverb();
}
