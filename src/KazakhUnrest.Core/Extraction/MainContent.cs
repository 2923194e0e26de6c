using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>Finds the element that holds the article body with a readability-style score.</summary>
internal static class MainContent
{
    private static readonly HashSet<string> Positive =
        ["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "artikel", "inhalt", "beitrag", "news", "articlebody", "postbody", "entrycontent", "storybody"];

    private static readonly HashSet<string> Negative =
        ["comment", "comments", "meta", "footer", "footnote", "sidebar", "widget", "related", "share", "social", "nav", "menu", "teaser", "promo", "header", "masthead", "hidden", "navigation"];

    // The scoring follows Readability (arc90's, as Mozilla and readability-lxml carry it on): its minimum paragraph, its
    // points for commas and length, its tag and class weights and its sibling rule, kept from the first extractor (cbda5a0).

    // Shorter runs of text are labels, buttons and captions, not paragraphs (Readability's 25).
    private const int MinimumParagraph = 25;

    // A point for every 100 characters of a paragraph, at most 3, so one long block cannot outscore many (Readability).
    private const int CharactersPerPoint = 100;

    private const int MaximumLengthPoints = 3;

    // A paragraph's score goes to its parent, grandparent and great-grandparent: body text sits at most that deep in its container.
    private const int AncestorLevels = 3;

    // The parent takes the whole score; each level above takes it divided by level × 2, so nearer containers win.
    private const double LevelDivisor = 2.0;

    // A parent scoring at least 90% of the best holds the body split across siblings (9421f42).
    private const double ParentCloseShare = 0.9;

    // Readability's sibling threshold: a fifth of the best score, and never below 10 points.
    private const double SiblingShare = 0.2;

    private const double SiblingFloor = 10;

    // Readability's prose-sibling rule: over 80 characters with under a quarter of them links reads as text.
    private const int ProseSiblingLength = 80;

    private const double ProseSiblingLinkDensity = 0.25;

    // Readability's class and id weight, for and against.
    private const double ClassWeightPoints = 25;

    // A positive class earns its full weight only on 500 characters of text: rating widgets and teasers are called
    // "content" too (f5e4b8e).
    private const double FullClassWeightLength = 500.0;

    /// <summary>The best-scoring container followed by the siblings that continue it, in page order.</summary>
    public static IReadOnlyList<IElement> Find(IElement body)
    {
        var scores = Score(body);
        if (scores.Count == 0)
        {
            return [body];
        }

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
            {
                continue;
            }

            var text = TextTools.Normalize(element.TextContent);
            if (text.Length < MinimumParagraph)
            {
                continue;
            }

            var score = 1 + text.Count(c => c is ',' or '，' or '،') + Math.Min(text.Length / CharactersPerPoint, MaximumLengthPoints);
            var ancestor = element.ParentElement;
            for (var level = 0; ancestor is not null && level < AncestorLevels; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = InitialScore(ancestor);
                }

                scores[ancestor] += score / (level == 0 ? 1.0 : level * LevelDivisor);
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
        scores.TryGetValue(parent, out var parentScore) && parentScore >= bestScore * ParentCloseShare;

    private static bool IsWrapper(IElement child, IElement parent) =>
        TextTools.Normalize(parent.TextContent).Length == TextTools.Normalize(child.TextContent).Length;

    private static List<IElement> WithSiblings(IElement best, Dictionary<IElement, double> scores)
    {
        if (best.ParentElement is null)
        {
            return [best];
        }

        var threshold = Math.Max(SiblingFloor, scores.GetValueOrDefault(best) * SiblingShare);
        return best.ParentElement.Children.Where(s => s == best || IsContinuation(s, scores, threshold)).ToList();
    }

    private static bool IsContinuation(IElement sibling, Dictionary<IElement, double> scores, double threshold)
    {
        if (scores.TryGetValue(sibling, out var score) && score >= threshold)
        {
            return true;
        }
        // Leads, intros and lists beside the body text continue it when they read as prose rather than links.
        if (sibling.LocalName is not ("p" or "div" or "section" or "header" or "ul" or "ol" or "table" or "blockquote" or "article" or "dl" or "pre"))
        {
            return false;
        }

        var text = TextTools.Normalize(sibling.TextContent);
        var density = TextTools.LinkDensity(sibling);
        return (text.Length > ProseSiblingLength && density < ProseSiblingLinkDensity) || (text.Length > 0 && density == 0 && text.EndsWith('.'));
    }

    private static double InitialScore(IElement element)
    {
        // Readability's starting scores by tag (containers up, lists, forms and headings down); "article" is the
        // HTML5 body wrapper Readability predates, set above "div" here (cbda5a0).
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
        {
            weight += ClassWeightPoints * Math.Min(1, TextTools.Normalize(element.TextContent).Length / FullClassWeightLength);
        }

        if (tokens.Any(Negative.Contains))
        {
            weight -= ClassWeightPoints;
        }

        return weight;
    }

    private static bool HasOwnText(IElement element) =>
        element.ChildNodes.OfType<IText>().Sum(t => TextTools.Normalize(t.Data).Length) >= MinimumParagraph;
}
