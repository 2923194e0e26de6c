using System.Text;

namespace KazakhUnrest.Core.Extraction;

/// <summary>
/// One linear pass over the markup before the HTML parser sees it: tags nested deeper than
/// <see cref="ExtractionLimits.MaxDepth"/> are dropped (their text stays where it was), and the page is cut after
/// <see cref="ExtractionLimits.MaxElements"/> elements. The parser's work per tag grows with the number of open elements
/// (it searches them for scope), so without this a page of nested divs costs the square of its size; the parser's own
/// depth option re-parents elements but keeps them open, which does not help. The scan follows the HTML tokenizer only
/// as far as the depth needs: comments, raw-text elements (script, style, title, textarea), quoted attribute values,
/// void elements, self-closing tags in SVG and MathML, and the end tags HTML implies (a new <c>p</c>, <c>li</c> or cell
/// closes the open one). Where it counts differently from the parser, it counts deeper, so it never lets more through.
/// </summary>
public static class HtmlBounds
{
    private static readonly HashSet<string> Void =
        ["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];

    private static readonly HashSet<string> RawText = ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"];

    // Start tags that close an open p (HTML's "close a p element" on these), so unclosed paragraphs do not stack up.
    private static readonly HashSet<string> ClosesParagraph =
    [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
        "ol", "p", "pre", "section", "table", "ul", "dd", "dt",
    ];

    public static (string Html, IReadOnlyList<string> Cuts) Apply(string html, ExtractionLimits limits, CancellationToken ct = default)
    {
        var scan = new Scan(html, limits);
        scan.Run(ct);
        return (scan.Output(), scan.Cuts());
    }

    private sealed class Scan(string html, ExtractionLimits limits)
    {
        private readonly List<(string Name, bool Kept)> _open = [];
        private readonly Dictionary<string, int> _openCount = new(StringComparer.Ordinal);
        private StringBuilder? _output;
        private int _copiedTo;
        private int _elements;
        private int _foreign;
        private int _flattened;
        private int _deepest;
        private int _cutAt = -1;

        public void Run(CancellationToken ct)
        {
            var i = 0;
            while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
            {
                if ((_elements & 1023) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var next = html[i + 1];
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    i = After(html.IndexOf("-->", i + 4, StringComparison.Ordinal), 3);
                }
                else if (next is '!' or '?')
                {
                    i = After(html.IndexOf('>', i + 2), 1);
                }
                else if (next == '/')
                {
                    i = EndTag(i);
                }
                else if (char.IsAsciiLetter(next))
                {
                    i = StartTag(i);
                    if (_cutAt >= 0)
                    {
                        return;
                    }
                }
                else
                {
                    i++;
                }
            }
        }

        public string Output()
        {
            if (_output is null)
            {
                return html;
            }

            return _output.Append(html, _copiedTo, (_cutAt >= 0 ? _cutAt : html.Length) - _copiedTo).ToString();
        }

        public IReadOnlyList<string> Cuts()
        {
            var cuts = new List<string>();
            if (_flattened > 0)
            {
                cuts.Add($"{_flattened:N0} elements nested deeper than {limits.MaxDepth:N0} levels (down to {_deepest:N0}) lost their tags, their text kept");
            }

            if (_cutAt >= 0)
            {
                cuts.Add($"page cut after {limits.MaxElements:N0} elements, at character {_cutAt:N0} of {html.Length:N0}");
            }

            return cuts;
        }

        private int After(int found, int length) => found < 0 ? html.Length : found + length;

        private int NameEnd(int start)
        {
            var j = start;
            while (j < html.Length && html[j] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                j++;
            }

            return j;
        }

        private int EndTag(int i)
        {
            if (i + 2 >= html.Length || !char.IsAsciiLetter(html[i + 2]))
            {
                // "</" without a letter is a bogus comment up to the next ">".
                return After(html.IndexOf('>', i + 2), 1);
            }

            var nameEnd = NameEnd(i + 2);
            var end = After(html.IndexOf('>', nameEnd), 1);
            var name = html[(i + 2)..nameEnd].ToLowerInvariant();
            if (_openCount.GetValueOrDefault(name) == 0)
            {
                // Nothing to close: the parser ignores it too.
                return end;
            }

            // Pops down to the matching element; each element is popped once, so this stays linear.
            while (true)
            {
                var (open, kept) = Pop();
                if (open == name)
                {
                    if (!kept)
                    {
                        Drop(i, end);
                    }

                    return end;
                }
            }
        }

        private int StartTag(int i)
        {
            var nameEnd = NameEnd(i + 1);
            var name = html[(i + 1)..nameEnd].ToLowerInvariant();
            var end = TagEnd(nameEnd);
            if (++_elements > limits.MaxElements)
            {
                _cutAt = i;
                _output ??= new StringBuilder(i + 64);
                return html.Length;
            }

            CloseImplied(name);
            var selfClosing = end >= 2 && html[end - 2] == '/';
            if (!Void.Contains(name) && !(selfClosing && _foreign > 0))
            {
                var kept = _open.Count < limits.MaxDepth;
                Push(name, kept);
                if (!kept)
                {
                    _flattened++;
                    Drop(i, end);
                }
            }

            if (name == "plaintext")
            {
                return html.Length;
            }

            // The content of a raw-text element is text up to its own end tag, whatever it looks like.
            return RawText.Contains(name) && !selfClosing
                ? html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase) is var close and >= 0 ? close : html.Length
                : end;
        }

        /// <summary>The index after the tag's closing ">", skipping quoted attribute values (they may hold a ">").</summary>
        private int TagEnd(int j)
        {
            while (j < html.Length)
            {
                var c = html[j];
                if (c == '>')
                {
                    return j + 1;
                }

                if (c == '=')
                {
                    j++;
                    while (j < html.Length && char.IsWhiteSpace(html[j]))
                    {
                        j++;
                    }

                    if (j < html.Length && html[j] is '"' or '\'')
                    {
                        j = html.IndexOf(html[j], j + 1);
                        if (j < 0)
                        {
                            return html.Length;
                        }
                    }

                    continue;
                }

                j++;
            }

            return html.Length;
        }

        private void CloseImplied(string name)
        {
            if (_open.Count == 0)
            {
                return;
            }

            var top = _open[^1].Name;
            var closes = name switch
            {
                "li" => top is "li" or "p",
                "dt" or "dd" => top is "dt" or "dd" or "p",
                "option" => top == "option",
                "td" or "th" => top is "td" or "th",
                "tr" => top is "tr" or "td" or "th",
                _ => top == "p" && ClosesParagraph.Contains(name),
            };
            if (closes)
            {
                Pop();
                // A new row closes its open cell and then the open row.
                if (name == "tr" && _open.Count > 0 && _open[^1].Name == "tr")
                {
                    Pop();
                }
            }
        }

        private void Push(string name, bool kept)
        {
            _open.Add((name, kept));
            _openCount[name] = _openCount.GetValueOrDefault(name) + 1;
            _deepest = Math.Max(_deepest, _open.Count);
            if (name is "svg" or "math")
            {
                _foreign++;
            }
        }

        private (string Name, bool Kept) Pop()
        {
            var top = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            _openCount[top.Name]--;
            if (top.Name is "svg" or "math")
            {
                _foreign--;
            }

            return top;
        }

        private void Drop(int start, int end)
        {
            _output ??= new StringBuilder(html.Length);
            _output.Append(html, _copiedTo, start - _copiedTo);
            _copiedTo = end;
        }
    }
}
