using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Web.Articles;

/// <summary>
/// Cuts an article's body blocks around the sentences the timeline cites, so each gets an anchor (id "s{start}")
/// and the one asked for (see <see cref="Shared.ArticleLinks.Sentence"/>) can be marked. Offsets index <see cref="Article.Text"/>; blocks are found in it in order.
/// </summary>
public static class CitedSentences
{
    public readonly record struct Span(int Start, int Length)
    {
        public int End => Start + Length;
    }

    public sealed record Piece(string Text, string? Id, bool Marked);

    public sealed record Result(IReadOnlyList<IReadOnlyList<Piece>> Blocks, bool MarkedPlaced);

    public static Result Split(string text, IReadOnlyList<BodyBlock> blocks, IEnumerable<Span> anchors, Span? marked)
    {
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
                result.Add([new Piece(block.Text, null, false)]);
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
                    pieces.Add(new Piece(text[done..from], null, false));
                }

                var isMarked = span == marked;
                placed |= isMarked;
                pieces.Add(new Piece(text[from..to], from == span.Start ? $"s{span.Start}" : null, isMarked));
                done = to;
            }

            if (done < cursor)
            {
                pieces.Add(new Piece(text[done..cursor], null, false));
            }

            result.Add(pieces);
        }

        return new Result(result, placed);
    }
}
