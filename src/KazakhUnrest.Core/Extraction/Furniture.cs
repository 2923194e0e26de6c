using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>Page furniture: everything around an article that is not the article.</summary>
internal static partial class Furniture
{
    private const string NeverText = "script, style, noscript, template, svg, nav, aside, footer, iframe, object, button, select, input, textarea, label, canvas, dialog";

    private static readonly HashSet<string> Tokens =
    [
        "cookie", "cookies", "consent", "gdpr", "privacy", "share", "sharing", "sharebar", "social", "socials", "related", "recommended", "recommendations",
        "mostread", "mostviewed", "popular", "trending", "comment", "comments", "disqus", "respond", "reply", "newsletter", "subscribe", "subscription", "signup",
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "promo", "promotion", "breadcrumb", "breadcrumbs", "menu",
        "sidebar", "widget", "widgets", "tags", "tagcloud", "authorbio", "pagination", "pager", "credit", "credits", "banner", "modal", "popup", "overlay",
        "donate", "donation", "navbar", "navigation", "footer", "skip", "login", "toolbar", "print", "readmore", "seealso", "hottopics", "languages",
    ];

    public static void Remove(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(NeverText).ToList())
            element.Remove();
        foreach (var header in document.QuerySelectorAll("header").ToList())
        {
            // An article's own header holds its headline and byline; the page header holds the logo and menu.
            if (header.Closest("article") is null || header.QuerySelector("h1") is null)
                header.Remove();
        }
        var protectedText = Math.Max(500, TextTools.Normalize(document.Body?.TextContent).Length / 2);
        foreach (var element in document.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is not null && IsFurniture(element, protectedText))
                element.Remove();
        }
        foreach (var comment in document.Descendants<IComment>().ToList())
            comment.Remove();
    }

    private static bool IsFurniture(IElement element, int protectedText)
    {
        if (element.LocalName is "html" or "body")
            return false;
        if (IsHidden(element) || IsCredit(element))
            return true;
        // Some sites wrap the whole page in one <form>; the size guard below keeps that one.
        if (!(element.LocalName == "form" || HasFurnitureHint(element)) || element.LocalName is "article" or "main" || element.QuerySelector("h1") is not null)
            return false;
        // A furniture word on a wrapper that holds most of the page ("page-with-sidebar") is a layout name, not furniture.
        return TextTools.Normalize(element.TextContent).Length < protectedText;
    }

    public static bool HasFurnitureHint(IElement element)
    {
        var tokens = TextTools.HintTokens(element).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Tokens.Contains(tokens[i]) || (i + 1 < tokens.Count && Tokens.Contains(tokens[i] + tokens[i + 1])))
                return true;
        }
        return false;
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
        || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

    /// <summary>Short lines that credit a photo ("Photo: …", "Credit …", "© …").</summary>
    private static bool IsCredit(IElement element)
    {
        if (element.LocalName is not ("p" or "span" or "small" or "figcaption" or "div" or "cite") || element.ChildElementCount > 3)
            return false;
        var text = TextTools.Normalize(element.TextContent);
        return text.Length is > 0 and < 120 && CreditLine().IsMatch(text);
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"^(photo|image|picture|credit|foto|bild|фото|getty images|©)\b\s*[:：…]?|^\(?(photo|image|foto)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLine();
}
