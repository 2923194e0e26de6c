using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Core.Extraction;

/// <summary>
/// How much of one page extraction works on and stores (configuration section <c>Extraction</c>), so that no page, however
/// built, costs more than linear time or fills a row: nesting and element count bound the parse (<see cref="HtmlBounds"/>),
/// the field caps bound what is stored (<see cref="FieldCaps"/>). Whatever is cut is named in
/// <see cref="ExtractedPage.Cuts"/> and kept on the capture. The reference for "ordinary" below is the 990 real pages of
/// <c>../shared/corpus/extraction-dev</c>.
/// </summary>
public sealed record ExtractionLimits
{
    public const string Section = "Extraction";

    /// <summary>
    /// Elements nested deeper than this lose their tags (their text is kept), before the parser sees them. 512 is the
    /// limit of Chromium's HTML parser (<c>kMaximumHTMLParserDOMTreeDepth</c>), so a page keeps the structure a reader's
    /// browser shows; real pages nest a few dozen deep. The parser's cost per tag grows with the depth of open elements
    /// (40,000 nested divs took 11 s, 80,000 took 41 s), so a fixed depth keeps the parse linear in the page's size.
    /// </summary>
    [Range(16, 10_000)]
    public int MaxDepth { get; init; } = 512;

    /// <summary>
    /// The page is cut after this many elements. The largest of the 990 real pages has 10,126; ten times that leaves room
    /// for any article page while a million-element page (800 MB of DOM) is cut to about a tenth of that memory.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int MaxElements { get; init; } = 100_000;

    /// <summary>Headlines run to a few hundred characters; a longer "title" is a page's whole text or an attack.</summary>
    [Range(100, 100_000)]
    public int MaxTitleChars { get; init; } = 1_000;

    /// <summary>For the byline, dateline, standfirst and a re-posted segment's outlet name: a line of text, a few names long.</summary>
    [Range(50, 100_000)]
    public int MaxLineChars { get; init; } = 1_000;

    /// <summary>A long paragraph of a report has a few thousand characters; a court ruling's or a statute's may have ten thousand.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxParagraphChars { get; init; } = 20_000;

    /// <summary>
    /// The body is cut after this many characters: a long-read has 50,000 to 100,000, a transcript a few hundred thousand.
    /// Every later step (relevance, entities, figures, quotes) reads the whole body, so its length is their cost.
    /// </summary>
    [Range(10_000, 100_000_000)]
    public int MaxBodyChars { get; init; } = 500_000;

    /// <summary>
    /// The body is cut after this many paragraphs and headings: a long-read has a few hundred, a long live page a couple of
    /// thousand. Each is an element of the stored JSON that the database layer tracks one by one, which was what held a
    /// 50 MB page (about 50,000 paragraphs) for more than 5 minutes.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MaxBodyBlocks { get; init; } = 5_000;

    /// <summary>An outlet's name is stored in a column of this length (<c>outlets.name</c>).</summary>
    public const int MaxSiteNameChars = 200;
}
