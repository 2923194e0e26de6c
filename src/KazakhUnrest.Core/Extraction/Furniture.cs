using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>Page furniture: everything around an article that is not the article.</summary>
internal static partial class Furniture
{
    private const string NeverText = "script, style, template, svg, nav, footer, figcaption, iframe, object, button, select, input, textarea, label, canvas, dialog";

    // Containers that are usually furniture but that some sites wrap around the whole page.
    private static readonly HashSet<string> UsuallyFurniture = ["aside", "form", "noscript", "header"];

    // Words that mark furniture even on an element that also calls itself content ("comment-content").
    private static readonly HashSet<string> Strong =
    [
        "cookie", "cookies", "consent", "gdpr", "comment", "comments", "disqus", "respond", "reply", "newsletter", "subscribe", "subscription", "signup",
        "related", "recommended", "recommendations", "mostread", "mostviewed", "breadcrumb", "breadcrumbs", "pagination", "pager", "authorbio",
        "authorbox", "authordescription", "authorinfo", "authorcard", "aboutauthor", "sharedaddy", "nextpost", "nextstory", "kommentar", "kommentare",
    ];

    // Words that mark furniture unless the element also calls itself content ("entry-content share-enabled").
    private static readonly HashSet<string> Weak =
    [
        "privacy", "share", "sharing", "sharebar", "social", "socials", "popular", "trending", "ad", "ads", "advert", "adverts", "advertisement",
        "advertising", "sponsor", "sponsored", "promo", "promotion", "menu", "sidebar", "tags", "tagcloud", "credit", "credits", "banner", "modal",
        "popup", "overlay", "donate", "donation", "navbar", "navigation", "footer", "skip", "login", "toolbar", "seealso", "hottopics", "languages",
        "widget", "widgets", "caption", "rating", "ratings", "likes", "copyright", "legend", "affiliate", "readtime", "readingtime", "cta",
        "taglinks", "licence", "license", "paywall",
    ];

    // Lines about the article (date, author, post meta) stay in the tree for the date finder but never reach the body.
    private static readonly HashSet<string> AboutWords =
        ["meta", "metadata", "postmetadata", "utility", "byline", "dateline", "posted", "published", "timestamp"];

    private static readonly HashSet<string> ContentWords = ["content", "entry", "article", "post", "body", "text", "story", "main"];

    // "has-ads", "no-share": the word describes the element's neighbours, not the element.
    private static readonly HashSet<string> Negations = ["has", "no", "with", "without", "not"];

    // The values below come from the first extractor (cbda5a0) unless marked, and held through the extraction-dev tuning since.

    // A furniture-named element holding half the page's text, and at least this much, is the page itself ("page-with-sidebar").
    private const int ProtectedTextMinimum = 500;

    // A noscript this long is the page's text for readers without scripts, not a tracking pixel (f5e4b8e).
    private const int NoscriptContentLength = 200;

    // A logo set as h1 is a word or two; a headline runs to 20 characters and more (c432a19, dev set TP +3).
    private const int HeadlineMinLength = 20;

    // A header more than half links is a menu bar (c432a19).
    private const double MenuLinkDensity = 0.5;

    // A credit line is a short element with at most a few inline children (a link, an em).
    private const int CreditMaxChildren = 3;

    // Credits are a name or two after "Photo:"; a longer line that starts so is a sentence.
    private const int CreditMaxLength = 120;

    public static void Remove(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(NeverText).ToList())
        {
            element.Remove();
        }

        var protectedText = Math.Max(ProtectedTextMinimum, TextTools.Normalize(document.Body?.TextContent).Length / 2);
        foreach (var element in document.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is not null && IsFurniture(element, protectedText))
            {
                element.Remove();
            }
        }
        foreach (var comment in document.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }
    }

    private static bool IsFurniture(IElement element, int protectedText)
    {
        if (element.LocalName is "html" or "body")
        {
            return false;
        }

        if (IsHidden(element) || IsCredit(element))
        {
            return true;
        }

        if (IsUsuallyFurniture(element))
        {
            return TextTools.Normalize(element.TextContent).Length < protectedText;
        }

        if (!HasFurnitureHint(element) || element.LocalName is "article" or "main" || element.QuerySelector("h1") is not null)
        {
            return false;
        }
        // A furniture word on a wrapper that holds most of the page ("page-with-sidebar") is a layout name, not furniture.
        return TextTools.Normalize(element.TextContent).Length < protectedText;
    }

    // An article's own header holds its headline, lead and byline; the page header holds the logo and menu.
    private static bool IsUsuallyFurniture(IElement element) =>
        UsuallyFurniture.Contains(element.LocalName)
        && !(element.LocalName == "header" && (element.Closest("article, main, [role='main']") is not null || HoldsHeadline(element)))
        && !(element.LocalName == "noscript" && TextTools.Normalize(element.TextContent).Length >= NoscriptContentLength);

    // A logo set as h1 is a word or two; a headline is a phrase. A header of links is a menu whatever it holds.
    private static bool HoldsHeadline(IElement header) =>
        header.QuerySelector("h1") is { } h1 && TextTools.Normalize(h1.TextContent).Length >= HeadlineMinLength && TextTools.LinkDensity(header) < MenuLinkDensity;

    public static bool IsAboutLine(IElement element) =>
        TextTools.HintValues(element).Select(FurnitureWords).Any(v => v.Words.Any(AboutWords.Contains));

    public static bool HasFurnitureHint(IElement element)
    {
        var values = TextTools.HintValues(element).Select(FurnitureWords).ToList();
        if (values.Any(v => v.Words.Any(Strong.Contains)))
        {
            return true;
        }
        // "entry-content share" is the body with a share class added; "article-share" is the share bar of an article.
        return values.Any(v => v.Words.Any(Weak.Contains))
            && !values.Any(v => v.Tokens.Any(ContentWords.Contains) && !v.Words.Any(Weak.Contains));
    }

    /// <summary>The furniture words of one class name: its tokens, with negated ones ("no-share") blanked, and joined
    /// neighbours ("most-read"). A weak or about word counts only at either end ("share-bar", "post-share", not "elementor-widget-text").</summary>
    private static (List<string> Tokens, List<string> Words) FurnitureWords(List<string> tokens)
    {
        var words = tokens.Select((t, i) => (i > 0 && Negations.Contains(tokens[i - 1])) || ((Weak.Contains(t) || AboutWords.Contains(t)) && i > 0 && i < tokens.Count - 1) ? "" : t)
            .Concat(tokens.Zip(tokens.Skip(1), (a, b) => a + b))
            .ToList();
        return (tokens, words);
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
        || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

    /// <summary>Short lines that credit a photo ("Photo: …", "Credit …", "© …").</summary>
    private static bool IsCredit(IElement element)
    {
        if (element.LocalName is not ("p" or "span" or "small" or "figcaption" or "div" or "cite" or "em" or "i" or "u") || element.ChildElementCount > CreditMaxChildren)
        {
            return false;
        }

        var text = TextTools.Normalize(element.TextContent);
        return text.Length is > 0 and < CreditMaxLength && CreditLine().IsMatch(text);
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"^((photo|image|picture|credits?|foto|bild|фото|сурет|getty images|photograph(ed)? by|crédits? photos?|titelbild|beitragsbild|bildquelle)\b\s*[:：…]?|©)|^\(?(photo|image|foto)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLine();
}
