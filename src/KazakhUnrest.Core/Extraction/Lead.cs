using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>The standfirst of a news article. Many sites set it in the article header, between the headline and the
/// body container, where the body scoring never looks; it is part of the report, often its summary.</summary>
internal static class Lead
{
    // A standfirst is a sentence or a short paragraph: under 30 characters is a label, over 1200 is body text (9bbda81, dev set F1 0.911 -> 0.914).
    private const int MinimumText = 30;
    private const int MaximumText = 1200;

    // A teaser list of other stories links away; a lead is prose with at most a few links (9bbda81).
    private const double MaxLinkDensity = 0.3;

    private static readonly HashSet<string> LeadWords =
        ["lead", "intro", "teaser", "excerpt", "standfirst", "subheadline", "subhead", "subtitle", "summary", "abstract", "chapo", "dek", "lede", "perex"];

    /// <summary>Lead elements after the page's headline and before the first body container, outermost only.</summary>
    public static IReadOnlyList<IElement> Before(IElement body, IReadOnlyList<IElement> containers)
    {
        var headline = body.QuerySelector("h1");
        if (headline is null || containers.Count == 0)
        {
            return [];
        }

        var leads = new List<IElement>();
        var afterHeadline = false;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (containers.Contains(element))
            {
                return leads;
            }

            if (element == headline)
            {
                afterHeadline = true;
            }
            else if (afterHeadline && !headline.Contains(element) && !leads.Any(l => l.Contains(element)) && IsLead(element, containers))
            {
                leads.Add(element);
            }
        }
        // The headline sits inside or after the body: whatever follows it is not a lead above the body.
        return [];
    }

    private static bool IsLead(IElement element, IReadOnlyList<IElement> containers)
    {
        if (!TextTools.HintTokens(element).Any(LeadWords.Contains) || containers.Any(element.Contains))
        {
            return false;
        }

        var text = TextTools.Normalize(element.TextContent);
        return text.Length is >= MinimumText and <= MaximumText && TextTools.LinkDensity(element) < MaxLinkDensity
            && element.QuerySelector("h1, h3, h4, ul, ol") is null;
    }
}
