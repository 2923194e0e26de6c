namespace KazakhUnrest.Core.Quotes;

/// <summary>Words between quotation marks; <see cref="Open"/> and <see cref="Close"/> index the marks, <see cref="Close"/> is the paragraph's end when the quote runs on.</summary>
internal readonly record struct QuoteSpan(int Open, int Close)
{
    public int InnerStart => Open + 1;
    public int InnerEnd => Close;
}

/// <summary>
/// Finds quoted spans paragraph by paragraph. Typographic marks pair by kind (“…”, «…», „…“), straight double
/// marks pair with each other, and single marks are only ever nested inside a double quote, since in running text
/// ’ is far more often an apostrophe. A quote still open at the end of its paragraph runs to that end: a quote
/// that goes on into the next paragraph reopens there, as typesetting conventions in both languages want.
/// </summary>
internal static class QuoteSpans
{
    public static List<QuoteSpan> Find(string text)
    {
        var spans = new List<QuoteSpan>();
        var open = -1;
        var closer = '\0';
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                if (open >= 0 && i - open > 1)
                {
                    spans.Add(new QuoteSpan(open, i));
                }

                open = -1;
                continue;
            }
            if (open < 0)
            {
                closer = c switch
                {
                    '“' => '”',
                    '„' => '“',
                    '«' => '»',
                    '"' => '"',
                    '”' when OpensHere(text, i) => '”',
                    _ => '\0',
                };
                if (closer != '\0')
                {
                    open = i;
                    depth = 0;
                }
                continue;
            }
            if (c == '«' && closer == '»')
            {
                depth++;
            }
            else if (c == closer || (closer == '”' && c == '“' && ClosesHere(text, i)))
            {
                if (depth > 0)
                {
                    depth--;
                    continue;
                }
                if (i - open > 1)
                {
                    spans.Add(new QuoteSpan(open, i));
                }

                open = -1;
            }
        }
        if (open >= 0 && text.Length - open > 1)
        {
            spans.Add(new QuoteSpan(open, text.Length));
        }

        return spans;
    }

    // Some pages set both marks as ” or both as “: a mark opens when a word follows it and space or a paragraph's start precedes it.
    private static bool OpensHere(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '—') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    private static bool ClosesHere(string text, int i) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]));
}
