using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Core.Extraction;

/// <summary>
/// Turns the HTML content containers of a page into paragraphs and headings, in reading order. Plain-text
/// captures, which have only lines, go through <see cref="Cleaning.TextBodyBlocks"/> instead.
/// </summary>
internal sealed partial class HtmlBodyBlocks
{
    private static readonly HashSet<string> Inline =
    [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
        "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "img", "picture", "strike", "tt", "big", "acronym",
    ];

    private static readonly HashSet<string> Boilerplate = new(StringComparer.OrdinalIgnoreCase)
    {
        "Advertisement", "Anzeige", "Werbung", "Реклама", "Read more", "Weiterlesen", "Mehr lesen", "Share", "Teilen", "Print", "Drucken", "Tweet",
        "Share this", "Share this article", "Share on Facebook", "Share on Twitter", "Email", "E-Mail", "Comments", "Kommentare", "Reply", "Antworten",
        "Skip to content", "Back to top", "Nach oben", "Loading...", "Advertising", "Sponsored", "Читайте также", "Поделиться", "Listen to article",
    };

    // Short blocks are link lists at over half links, long ones at over 70%: a long paragraph keeps its inline links (cbda5a0).
    private const int ShortBlockLength = 200;

    private const double ShortBlockLinkDensity = 0.5;

    private const double LongBlockLinkDensity = 0.7;

    // Share buttons, "Advertisement" and date stamps are under 60 characters; a sentence that mentions "share" is longer (5bee6ba).
    private const int ShortLineLength = 60;

    // A date stamp leaves fewer than 4 letters once its month and time words are gone ("am", "Uhr"); a sentence leaves more (a0a9b0e).
    private const int DateLineMaxLetters = 4;

    private readonly List<BodyBlock> _blocks = [];
    private readonly StringBuilder _run = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _runLinkChars;

    public static IReadOnlyList<BodyBlock> From(IEnumerable<IElement> containers)
    {
        var collector = new HtmlBodyBlocks();
        foreach (var container in containers)
        {
            collector.Walk(container);
        }

        collector.DropTrailingHeadings();
        return collector._blocks;
    }

    private void Walk(IElement element)
    {
        if (Furniture.IsAboutLine(element))
        {
            Flush();
            return;
        }
        switch (element.LocalName)
        {
            case "h1":
                Flush();
                return;
            case "h2" or "h3" or "h4" or "h5" or "h6":
                Flush();
                Emit(element, BodyBlockKind.Heading);
                return;
            case "p" or "pre" or "dt" or "dd" or "figcaption" or "caption" or "address":
                Flush();
                Emit(element, BodyBlockKind.Paragraph);
                return;
            case "li" or "blockquote" when !HasBlockChild(element):
                Flush();
                Emit(element, BodyBlockKind.Paragraph);
                return;
            default:
                WalkChildren(element);
                return;
        }
    }

    /// <summary>Text sitting directly in a container (sites that write paragraphs as div text or br-separated runs).</summary>
    private void WalkChildren(IElement element)
    {
        Flush();
        foreach (var node in element.ChildNodes)
        {
            if (node is IText text)
            {
                _run.Append(text.Data);
            }
            else if (node is IElement child && child.LocalName == "br")
            {
                BreakRun();
            }
            else if (node is IElement inline && Inline.Contains(inline.LocalName) && !HasBlockChild(inline))
            {
                AppendInline(inline);
            }
            else if (node is IElement heading && IsFurnitureHeading(heading))
            {
                break;
            }
            else if (node is IElement block)
            {
                Flush();
                Walk(block);
            }
        }
        Flush();
    }

    private void AppendInline(IElement inline)
    {
        _run.Append(inline.TextContent);
        _runLinkChars += inline.LocalName == "a" ? TextTools.Normalize(inline.TextContent).Length : TextTools.LinkTextLength(inline);
    }

    // A single <br> is a line break inside a paragraph; two in a row end the paragraph.
    private void BreakRun()
    {
        if (_run.Length > 0 && _run[^1] == '\n')
        {
            Flush();
        }
        else
        {
            _run.Append('\n');
        }
    }

    private void Flush()
    {
        var text = TextTools.Normalize(_run.ToString());
        if (text.Length > 0)
        {
            Add(text, BodyBlockKind.Paragraph, _runLinkChars);
        }

        _run.Clear();
        _runLinkChars = 0;
    }

    private void Emit(IElement element, BodyBlockKind kind) =>
        Add(TextTools.Normalize(element.TextContent), kind, TextTools.LinkTextLength(element));

    private void Add(string text, BodyBlockKind kind, int linkChars)
    {
        if (text.Length == 0 || IsBoilerplate(text))
        {
            return;
        }

        if (IsLinkList(text, linkChars))
        {
            // A heading over a list of links ("More on this", "Our partners") labels furniture, not a section of the article.
            if (_blocks.Count > 0 && _blocks[^1].Kind == BodyBlockKind.Heading)
            {
                _blocks.RemoveAt(_blocks.Count - 1);
            }

            return;
        }
        if (_seen.Add(text))
        {
            _blocks.Add(new BodyBlock { Kind = kind, Text = text });
        }
    }

    // A heading with nothing after it titled a box whose content was dropped as furniture; one that ends
    // like a sentence is the closing line of the article set large.
    private void DropTrailingHeadings()
    {
        while (_blocks.Count > 0 && _blocks[^1].Kind == BodyBlockKind.Heading && !_blocks[^1].Text.EndsWith('.'))
        {
            _blocks.RemoveAt(_blocks.Count - 1);
        }
    }

    private static bool IsLinkList(string text, int linkChars)
    {
        var density = (double)linkChars / text.Length;
        return text.Length < ShortBlockLength ? density > ShortBlockLinkDensity : density > LongBlockLinkDensity;
    }

    private static bool IsBoilerplate(string text) =>
        Boilerplate.Contains(text.TrimEnd('.', ':', '…', '»', '›', '>', ' ', '!')) || (OnlyPunctuation().IsMatch(text) && !IsAmount(text))
        || (text.Length < ShortLineLength && (ShortBoilerplate().IsMatch(text) || IsDateLine(text)))
        || (text.Length < ShortLineLength && FurnitureHeading().IsMatch(text));

    // "286,35 €" in a price table is content; a lone page number or separator is not.
    private static bool IsAmount(string text) => text.Any(char.IsDigit) && text.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.CurrencySymbol);

    /// <summary>"11 Jan 2019", "12.12.2022, 08:30 Uhr", "3:59 PM": a stamp, not a sentence.</summary>
    private static bool IsDateLine(string text)
    {
        var rest = TimeOfDay().Replace(text, "");
        if (rest.Length == text.Length && DateParsing.Human(text) is null)
        {
            return false;
        }

        return DateWords().Replace(rest, "").Count(char.IsLetter) < DateLineMaxLetters;
    }

    /// <summary>"Related articles", "Comments": a heading that opens furniture ends the body of its container.</summary>
    private static bool IsFurnitureHeading(IElement element) =>
        element.LocalName is "h2" or "h3" or "h4" or "h5" or "h6" && FurnitureHeading().IsMatch(TextTools.Normalize(element.TextContent));

    private static bool HasBlockChild(IElement element) =>
        element.Children.Any(c => !Inline.Contains(c.LocalName) && c.LocalName != "br");

    [GeneratedRegex(@"^\W*(related|similar|more (stories|articles|news|from|on)|you (may|might) also|also read|read (also|next|more)|recommended|most (read|viewed|popular)|popular|trending|comments?|\d+ comments?|leave a (reply|comment)|share( this)?|tags|newsletter|ähnliche|verwandte|weitere (artikel|beiträge|themen|nachrichten|meldungen)|mehr zum thema|das könnte (dich|sie) auch|auch interessant|schon gelesen|lust auf mehr|kommentare?|kommentar schreiben|schlagwörter|teilen|читайте также|похожие|комментари|по теме|самое читаемое|смотрите также|новости по теме|материалы по теме|другие новости|последние новости|тақырыпқа қатысты|ұқсас жаңалықтар|соңғы жаңалықтар|explore further|about the author|no comments|lesen sie (auch|mehr)|empfohlene (beiträge|artikel)|über (den|die) autor|keine kommentare|mehr zu(m)? |temas relacionados|noticias relacionadas|te puede interesar|à lire aussi|lire aussi|sur le même sujet)", RegexOptions.IgnoreCase)]
    private static partial Regex FurnitureHeading();

    [GeneratedRegex(@"\b(share|teilen|drucken|print|kommentier|kommentare? schreiben|comment|anzeige|advertisement|werbung|weiterlesen|read more|subscribe|abonnieren|newsletter|jetzt lesen|zum artikel|mehr erfahren|bewertung|rating)", RegexOptions.IgnoreCase)]
    private static partial Regex ShortBoilerplate();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex TimeOfDay();

    // Month names and the little words around a time stamp, in the languages the dates are read in.
    [GeneratedRegex(@"\b(\p{L}{3,9}\.?(?=,?\s*\d)|uhr|am|pm|um|at|on|min|minutes?|ago|updated|aktualisiert|published|veröffentlicht|stand|gmt|utc|cet|mez)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWords();

    [GeneratedRegex(@"^[\p{P}\p{S}\s\d]*$")]
    private static partial Regex OnlyPunctuation();
}
