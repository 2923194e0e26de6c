using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// Body lines become paragraphs and section headings. Short lines after the last sentence are page
/// footer (comment forms, edition footers) rather than the article's end. HTML pages go through
/// <see cref="Extraction.HtmlBodyBlocks"/> instead.
/// </summary>
internal static class TextBodyBlocks
{
    // A section heading is a short phrase; longer lines are paragraphs. Set on the seed captures (2bf84c1, SeedGoldTests).
    private const int HeadingMaxWords = 12;

    public static List<BodyBlock> Build(IReadOnlyList<string> body)
    {
        var lastProse = body.ToList().FindLastIndex(Lines.IsProse);
        var blocks = new List<BodyBlock>();
        for (var i = 0; i < body.Count; i++)
        {
            if (i > lastProse && Lines.WordCount(body[i]) <= HeadingMaxWords)
            {
                continue;
            }

            var kind = i < lastProse && IsHeading(body[i]) ? BodyBlockKind.Heading : BodyBlockKind.Paragraph;
            blocks.Add(new BodyBlock { Kind = kind, Text = body[i] });
        }
        return blocks;
    }

    /// <summary>A heading sits between paragraphs and introduces the text after it.</summary>
    public static bool IsHeading(string line) => Headlines.IsTitleShaped(line, 1, HeadingMaxWords);
}
