using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>
/// The separate articles of an aggregator or digest HTML page: sibling blocks that each have a heading and a body.
/// A plain-text capture has no blocks and is split at its source links by <see cref="Cleaning.TextDigestSegments"/>.
/// </summary>
internal static partial class HtmlDigestSegments
{
    /// <summary>A digest holds at least two articles; one block with a heading is just the page's article.</summary>
    public const int MinimumPosts = 2;

    // A post needs a short paragraph's worth of prose (about two sentences); teaser cards carry a line or two (cbda5a0).
    private const int MinimumText = 150;

    // A credit line names an outlet and perhaps a link; a longer text that opens "Source:" is a paragraph (cbda5a0).
    private const int CreditLineMaxLength = 200;

    // Paragraphs more than half links are teaser lists, not the post's prose.
    private const double ProseMaxLinkDensity = 0.5;

    private static readonly HashSet<string> PostTokens = ["post", "entry", "story", "article", "item", "digest"];

    public static IReadOnlyList<IElement> Find(IElement body)
    {
        var candidates = body.QuerySelectorAll("article, section, div").Where(IsPostLike).Where(HasOwnHeading).Where(HasEnoughProse).ToList();
        var outermost = candidates.Where(c => !candidates.Any(other => other != c && other.Contains(c))).ToList();
        // Segments are siblings; a lone block or scattered teasers do not make a multi-article page.
        var groups = outermost.GroupBy(c => c.ParentElement).Where(g => g.Count() >= MinimumPosts).ToList();
        // A block holding the page's h1 is the article itself, followed by teasers or the next story, not a digest.
        return groups.Count == 1 && !groups[0].Any(c => c.QuerySelector("h1") is not null) ? groups[0].ToList() : [];
    }

    public static string? Title(IElement segment) =>
        TextTools.NullIfEmpty(segment.QuerySelector("h1, h2, h3")?.TextContent);

    /// <summary>The outlet and link a re-posted block credits ("Source: X", "Originally published by X", "View source").</summary>
    public static (string? Outlet, Uri? Url) Origin(IElement segment, Uri? pageUrl)
    {
        foreach (var element in segment.QuerySelectorAll("p, div, span, footer, cite").Reverse())
        {
            var text = TextTools.Normalize(element.TextContent);
            var match = CreditLine().Match(text);
            if (!match.Success || text.Length > CreditLineMaxLength)
            {
                continue;
            }

            var link = element.QuerySelector("a[href]");
            var outlet = TextTools.NullIfEmpty(match.Groups["outlet"].Value.TrimEnd('.'));
            return (outlet, Metadata.ResolveUrl(link?.GetAttribute("href"), pageUrl));
        }
        var viewSource = segment.QuerySelectorAll("a[href]").FirstOrDefault(a => ViewSource().IsMatch(TextTools.Normalize(a.TextContent)));
        return (null, Metadata.ResolveUrl(viewSource?.GetAttribute("href"), pageUrl));
    }

    private static bool IsPostLike(IElement element) =>
        element.LocalName == "article" || TextTools.HintTokens(element).Any(PostTokens.Contains);

    // A heading that links elsewhere belongs to a teaser of another page, not to an article of this one.
    private static bool HasOwnHeading(IElement element) =>
        element.QuerySelector("h1, h2, h3") is { } heading && heading.QuerySelector("a[href]") is null && heading.Closest("a[href]") is null;

    private static bool HasEnoughProse(IElement element) =>
        element.QuerySelectorAll("p").Where(p => TextTools.LinkDensity(p) < ProseMaxLinkDensity).Sum(p => TextTools.Normalize(p.TextContent).Length) >= MinimumText;

    [GeneratedRegex(@"^(?:source|quelle|источник|originally published (?:by|in|on|at)|first published (?:by|in|on|at)|via)\s*:?\s*(?<outlet>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"^(view|read|see) (the )?(source|original)", RegexOptions.IgnoreCase)]
    private static partial Regex ViewSource();
}
