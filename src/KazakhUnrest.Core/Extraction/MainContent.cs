using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>Finds the element that holds the article body with a readability-style score.</summary>
internal static class MainContent
{
    private static readonly HashSet<string> Positive =
        ["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "artikel", "inhalt", "beitrag", "news", "articlebody", "postbody", "entrycontent", "storybody"];

    private static readonly HashSet<string> Negative =
        ["comment", "comments", "meta", "footer", "footnote", "sidebar", "widget", "related", "share", "social", "nav", "menu", "teaser", "promo", "header", "masthead", "hidden", "navigation"];

    /// <summary>The best-scoring container followed by the siblings that continue it, in page order.</summary>
    public static IReadOnlyList<IElement> Find(IElement body)
    {
        var scores = Score(body);
        if (scores.Count == 0)
            return [body];
        var best = scores.MaxBy(s => s.Value * (1 - TextTools.LinkDensity(s.Key))).Key;
        best = WidenToParent(best, scores);
        return WithSiblings(best, scores);
    }

    private static Dictionary<IElement, double> Score(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var element in body.QuerySelectorAll("p, pre, td, blockquote, div, li"))
        {
            if (element.LocalName is "div" or "li" && !HasOwnText(element))
                continue;
            var text = TextTools.Normalize(element.TextContent);
            if (text.Length < 25)
                continue;
            var score = 1 + text.Count(c => c is ',' or '，' or '،') + Math.Min(text.Length / 100, 3);
            var ancestor = element.ParentElement;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor))
                    scores[ancestor] = InitialScore(ancestor);
                scores[ancestor] += score / (level == 0 ? 1.0 : level * 2.0);
            }
        }
        return scores;
    }

    /// <summary>Climbs to the parent when it scores nearly as well (the body is split across siblings) or when it only
    /// wraps the chosen element, so that the siblings considered next are those of the outermost wrapper.</summary>
    private static IElement WidenToParent(IElement best, Dictionary<IElement, double> scores)
    {
        var bestScore = scores[best];
        var parent = best.ParentElement;
        while (parent is not null && parent.LocalName != "body" && (ScoresClose(parent, bestScore, scores) || IsWrapper(best, parent)))
        {
            best = parent;
            parent = parent.ParentElement;
        }
        return best;
    }

    private static bool ScoresClose(IElement parent, double bestScore, Dictionary<IElement, double> scores) =>
        scores.TryGetValue(parent, out var parentScore) && parentScore >= bestScore * 0.9;

    private static bool IsWrapper(IElement child, IElement parent) =>
        TextTools.Normalize(parent.TextContent).Length == TextTools.Normalize(child.TextContent).Length;

    private static List<IElement> WithSiblings(IElement best, Dictionary<IElement, double> scores)
    {
        if (best.ParentElement is null)
            return [best];
        var threshold = Math.Max(10, scores.GetValueOrDefault(best) * 0.2);
        return best.ParentElement.Children.Where(s => s == best || IsContinuation(s, scores, threshold)).ToList();
    }

    private static bool IsContinuation(IElement sibling, Dictionary<IElement, double> scores, double threshold)
    {
        if (scores.TryGetValue(sibling, out var score) && score >= threshold)
            return true;
        // Leads, intros and lists beside the body text continue it when they read as prose rather than links.
        if (sibling.LocalName is not ("p" or "div" or "section" or "header" or "ul" or "ol" or "table" or "blockquote" or "article" or "dl" or "pre"))
            return false;
        var text = TextTools.Normalize(sibling.TextContent);
        var density = TextTools.LinkDensity(sibling);
        return (text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && text.EndsWith('.'));
    }

    private static double InitialScore(IElement element)
    {
        double tagScore = element.LocalName switch
        {
            "article" => 10,
            "div" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return tagScore + ClassWeight(element);
    }

    private static double ClassWeight(IElement element)
    {
        var tokens = TextTools.HintTokens(element).ToList();
        var weight = 0.0;
        // A "content" class on a small box (a rating widget, a teaser) must not outweigh a long body.
        if (tokens.Any(Positive.Contains))
            weight += 25 * Math.Min(1, TextTools.Normalize(element.TextContent).Length / 500.0);
        if (tokens.Any(Negative.Contains))
            weight -= 25;
        return weight;
    }

    private static bool HasOwnText(IElement element) =>
        element.ChildNodes.OfType<IText>().Sum(t => TextTools.Normalize(t.Data).Length) >= 25;
}
