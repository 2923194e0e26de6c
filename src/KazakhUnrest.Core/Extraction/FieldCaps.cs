using System.Buffers;
using System.Text;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Core.Extraction;

/// <summary>
/// Cuts what extraction found to the sizes of <see cref="ExtractionLimits"/> before it is stored, and takes out control
/// characters (PostgreSQL refuses a NUL in text, which failed the whole import). Each cut is added to
/// <see cref="ExtractedPage.Cuts"/> with the original length, so the capture says what its articles lost.
/// </summary>
public static class FieldCaps
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r')), '\x7f']);

    public static ExtractedPage Apply(ExtractedPage page, ExtractionLimits limits)
    {
        var cuts = new List<string>(page.Cuts);
        var removed = 0;
        var siteName = Line(page.SiteName, ExtractionLimits.MaxSiteNameChars, "site name", cuts, ref removed);
        var articles = new List<ExtractedArticle>(page.Articles.Count);
        foreach (var article in page.Articles)
        {
            var of = article.Segment > 0 ? $" of segment {article.Segment}" : "";
            articles.Add(article with
            {
                Title = Line(article.Title, limits.MaxTitleChars, "title" + of, cuts, ref removed),
                Standfirst = Line(article.Standfirst, limits.MaxLineChars, "standfirst" + of, cuts, ref removed),
                Byline = Line(article.Byline, limits.MaxLineChars, "byline" + of, cuts, ref removed),
                Dateline = Line(article.Dateline, limits.MaxLineChars, "dateline" + of, cuts, ref removed),
                OriginalOutlet = Line(article.OriginalOutlet, limits.MaxLineChars, "original outlet" + of, cuts, ref removed),
                Blocks = Body(article.Blocks, limits, of, cuts, ref removed),
            });
        }

        if (removed > 0)
        {
            cuts.Add($"{removed:N0} control characters (NUL and the like) removed");
        }

        return page with { SiteName = siteName, Articles = articles, Cuts = cuts };
    }

    private static string? Line(string? text, int max, string what, List<string> cuts, ref int removed)
    {
        if (text is null)
        {
            return null;
        }

        var clean = WithoutControls(text, ref removed);
        if (clean.Length <= max)
        {
            return clean;
        }

        cuts.Add($"{what} cut to {max:N0} of {clean.Length:N0} characters");
        return Cut(clean, max);
    }

    private static List<BodyBlock> Body(IReadOnlyList<BodyBlock> blocks, ExtractionLimits limits, string of, List<string> cuts, ref int removed)
    {
        var kept = new List<BodyBlock>(Math.Min(blocks.Count, limits.MaxBodyBlocks));
        var length = 0L;
        var longCut = 0;
        var longest = 0;
        var stoppedAt = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = WithoutControls(blocks[i].Text, ref removed);
            if (text.Length > limits.MaxParagraphChars)
            {
                longCut++;
                longest = Math.Max(longest, text.Length);
                text = Cut(text, limits.MaxParagraphChars);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (kept.Count == limits.MaxBodyBlocks || length + text.Length > limits.MaxBodyChars)
            {
                stoppedAt = i;
                break;
            }

            length += text.Length;
            kept.Add(ReferenceEquals(text, blocks[i].Text) ? blocks[i] : new BodyBlock { Kind = blocks[i].Kind, Text = text });
        }

        if (longCut > 0)
        {
            cuts.Add($"{longCut:N0} paragraphs{of} cut to {limits.MaxParagraphChars:N0} characters (the longest had {longest:N0})");
        }

        if (stoppedAt >= 0)
        {
            var total = blocks.Sum(b => (long)b.Text.Length);
            cuts.Add($"body{of} cut to {kept.Count:N0} of {blocks.Count:N0} paragraphs, {length:N0} of {total:N0} characters"
                + $" (limits {limits.MaxBodyBlocks:N0} paragraphs, {limits.MaxBodyChars:N0} characters)");
        }

        return kept;
    }

    /// <summary>Cut at a word where one is near, marked with an ellipsis so a reader sees the text goes on.</summary>
    private static string Cut(string text, int max)
    {
        var space = text.LastIndexOf(' ', max - 1, Math.Min(max - 1, 200));
        var end = space > 0 ? space : max - 1;
        // Never between the halves of a surrogate pair: the database refuses half a character.
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
    }

    /// <summary>C0 control characters other than tab and line breaks, and DEL; the same instance when there are none.</summary>
    private static string WithoutControls(string text, ref int removed)
    {
        var start = text.AsSpan().IndexOfAny(Controls);
        if (start < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, start);
        for (var i = start; i < text.Length; i++)
        {
            if (Controls.Contains(text[i]))
            {
                removed++;
            }
            else
            {
                clean.Append(text[i]);
            }
        }

        return clean.ToString();
    }
}
