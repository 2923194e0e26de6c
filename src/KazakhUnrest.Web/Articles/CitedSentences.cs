using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Web.Articles;

/// <summary>
/// Cuts an article's body blocks around the sentences the timeline cites, so each gets an anchor (id "s{start}")
/// and the one asked for (see <see cref="Shared.ArticleLinks.Sentence"/>) can be marked. Offsets index <see cref="Article.Text"/>; blocks are found in it in order.
/// Within the pieces, the words a search matched (any number of them) are runs of their own, so a matched word
/// inside a cited sentence is marked without cutting the sentence's anchor.
/// </summary>
public static class CitedSentences
{
    public readonly record struct Span(int Start, int Length)
    {
        public int End => Start + Length;
    }

    /// <summary>A stretch of a piece, marked when the reader's search matched it.</summary>

    /// <param name="Runs">The piece's text cut at the search's matches; one unmarked run when there are none.</param>
    public sealed record Piece(string Text, string? Id, bool Marked, IReadOnlyList<Search.SearchQueries.Span> Runs);

    public sealed record Result(IReadOnlyList<IReadOnlyList<Piece>> Blocks, bool MarkedPlaced);

    /// <param name="matches">Where a search matched, in order and not overlapping.</param>
    public static Result Split(string text, IReadOnlyList<BodyBlock> blocks, IEnumerable<Span> anchors, Span? marked,
        IReadOnlyList<Span>? matches = null)
    {
        matches ??= [];
        var spans = anchors.Append(marked ?? default)
            .Where(s => s.Length > 0 && s.Start >= 0 && s.End <= text.Length)
            .DistinctBy(s => s.Start)
            .OrderBy(s => s.Start)
            .ToList();
        var result = new List<IReadOnlyList<Piece>>(blocks.Count);
        var placed = false;
        var cursor = 0;
        foreach (var block in blocks)
        {
            var at = block.Text.Length == 0 ? -1 : text.IndexOf(block.Text, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                // Text and body disagree (an older revision?): show the block whole rather than guess.
                result.Add([new Piece(block.Text, null, false, [new Search.SearchQueries.Span(block.Text, false)])]);
                continue;
            }

            cursor = at + block.Text.Length;
            var pieces = new List<Piece>();
            var done = at;
            foreach (var span in spans.Where(s => s.Start < cursor && s.End > at))
            {
                var from = Math.Max(span.Start, done);
                var to = Math.Min(span.End, cursor);
                if (from >= to)
                {
                    continue; // overlaps a span already cut
                }

                if (from > done)
                {
                    pieces.Add(new Piece(text[done..from], null, false, Runs(text, done, from, matches)));
                }

                var isMarked = span == marked;
                placed |= isMarked;
                pieces.Add(new Piece(text[from..to], from == span.Start ? $"s{span.Start}" : null, isMarked, Runs(text, from, to, matches)));
                done = to;
            }

            if (done < cursor)
            {
                pieces.Add(new Piece(text[done..cursor], null, false, Runs(text, done, cursor, matches)));
            }

            result.Add(pieces);
        }

        return new Result(result, placed);
    }

    /// <summary><paramref name="text"/> from <paramref name="from"/> to <paramref name="to"/>, cut at the matches that fall in it.</summary>
    public static IReadOnlyList<Search.SearchQueries.Span> Runs(string text, int from, int to, IReadOnlyList<Span> matches)
    {
        var runs = new List<Search.SearchQueries.Span>();
        var done = from;
        foreach (var match in matches.Where(m => m.Start < to && m.End > from && m.Start >= 0 && m.End <= text.Length))
        {
            var (start, end) = (Math.Max(match.Start, done), Math.Min(match.End, to));
            if (start >= end)
            {
                continue;
            }

            if (start > done)
            {
                runs.Add(new Search.SearchQueries.Span(text[done..start], false));
            }

            runs.Add(new Search.SearchQueries.Span(text[start..end], true));
            done = end;
        }

        if (done < to || runs.Count == 0)
        {
            runs.Add(new Search.SearchQueries.Span(text[done..to], false));
        }

        return runs;
    }

    /// <summary>A block's pieces as HTML: cited sentences with their anchors, the search's matches marked, all text encoded.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Html(IReadOnlyList<Piece> pieces)
    {
        var html = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        foreach (var piece in pieces)
        {
            var (open, close) = piece switch
            {
                { Marked: true } => ($"<mark class=\"cited event-sentence\" id=\"{piece.Id}\">", "</mark>"),
                { Id: not null } => ($"<span class=\"event-sentence\" id=\"{piece.Id}\">", "</span>"),
                _ => ("", ""),
            };
            html.AppendHtml(open);
            html.AppendHtml(Search.HighlightHtml.Of(piece.Runs, "match"));
            html.AppendHtml(close);
        }

        return html;
    }
}
