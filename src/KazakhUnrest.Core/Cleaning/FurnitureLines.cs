using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// Page furniture that a browser's "copy all" mixes into the article: consent notices, widget labels,
/// promos, photo credits, edition mastheads, crumbs, social prompts. Rules go by vocabulary and shape
/// so they hold on pages never seen; a line that survives is left to the structure steps.
/// </summary>
internal static partial class FurnitureLines
{
    /// <summary>Furniture lines are short; prose that merely mentions these words is longer.</summary>
    // Set on the seed captures with the cleaner (2bf84c1) and pinned by their gold test, like RepeatedLineWords.
    private const int ShortLineWords = 12;

    /// <summary>Widget titles and menu entries repeated on a page are a few words; headings repeat rarely.</summary>
    private const int RepeatedLineWords = 6;

    /// <summary>Whole-line labels of buttons, tabs and widgets (compared without punctuation and counters).</summary>
    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Published", "Updated", "Posted", "Description", "Transcript", "Comments", "Comment", "Post a Comment",
        "Leave a comment", "Leave a Reply", "Add comment", "View Source", "Source", "Original source", "Share",
        "Share this", "Share this article", "Share article", "Advertisement", "Advertising", "Ad", "Sponsored",
        "Show more", "Show less", "Load more", "Read more", "See more", "More", "Related", "Related articles",
        "Related news", "Tags", "Topics", "Subscribe", "Sign up", "Log in", "Login", "Sign in", "Register",
        "Print", "Email", "E-mail", "Tweet", "Facebook", "Twitter", "WhatsApp", "Telegram", "LinkedIn", "VK",
        "Copy link", "Copy", "Listen", "Watch", "Play", "Video", "Menu", "Home", "Search", "Close", "Next",
        "Previous", "Back to top", "Skip to content", "Skip to main content", "Accept", "Accept all",
        "Reject all", "Manage cookies", "Open settings", "Opinion", "Editorial", "Op-Ed", "Viewpoint",
        "Front page", "Print edition", "Поделиться", "Комментарии", "Реклама", "Читайте также",
    };

    public static bool IsFurniture(string line) =>
        IsLabel(line)
        || !HasLetter().IsMatch(line)
        || ConsentNotice().IsMatch(line)
        || PromoFrame().IsMatch(line)
        || PhotoCredit().IsMatch(line)
        || (Lines.WordCount(line) <= ShortLineWords && IsShortFurniture(line));

    /// <summary>Video pages glue the clip duration to its title ("…steppe02:15").</summary>
    public static string StripGluedDuration(string line) => GluedDuration().Replace(line, "");

    /// <summary>
    /// Short non-sentence lines printed more than once on the page: widget titles, menus, labels. A line
    /// shaped like a headline is left to <see cref="RepeatedBlocks"/>, which keeps its first copy: pages
    /// often print their headline twice (tab title and heading).
    /// </summary>
    public static HashSet<string> RepeatedShortLines(IEnumerable<string> pageLines) =>
        pageLines.Where(line => Lines.WordCount(line) <= RepeatedLineWords && !Lines.EndsSentence(line) && !Headlines.IsHeadline(line))
            .GroupBy(line => line, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static List<string> Drop(IEnumerable<string> lines, IReadOnlySet<string> repeatedShortLines) =>
        lines.Where(line => !repeatedShortLines.Contains(line) && !IsFurniture(line)).ToList();

    private static bool IsLabel(string line) => Labels.Contains(LabelDecoration().Replace(line, ""));

    private static bool IsShortFurniture(string line) =>
        WidgetTitle().IsMatch(line)
        || Promo().IsMatch(line)
        || Crumbs().IsMatch(line)
        || EditionFurniture().IsMatch(line)
        || CreditTail().IsMatch(line);

    [GeneratedRegex(@"^[\s\p{P}\p{S}\d]+|[\s\p{P}\p{S}\d]+$")]
    private static partial Regex LabelDecoration();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex HasLetter();

    [GeneratedRegex(@"\bcookies?\b.*\b(consent|accept|settings|preferences|browsing|privacy|policy|website|site uses)\b|\b(uses?|use of) cookies\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentNotice();

    [GeneratedRegex(@"^\s*(>{2,}|<{2,}|»{2,}|«{2,})|(>{2,}|<{2,}|»{2,}|«{2,})\s*$")]
    private static partial Regex PromoFrame();

    [GeneratedRegex(@"^(credit|photo(graph)?|image|picture|illustration|фото|снимок)(\s*[:…./|\-—]|\s+(by|courtesy of)\s)|^(©|\(c\)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"([/—–|]|\s-)\s*(Getty Images|AFP|AP Photo|EPA|Reuters|Shutterstock|Sputnik|TASS|Xinhua|Anadolu)\s*$")]
    private static partial Regex CreditTail();

    [GeneratedRegex(@"^(top downloads|most (read|popular|viewed|shared)|trending( now)?|popular( now)?|latest news|related (articles|stories|news|videos)|read (more|also)|see also|also read|more (from|on|stories)|follow us|like us on|share (on|via|this)|subscribe (to|for|now)|sign up (for|to)|join (us|our)|download (our|the) app|click here|recommended( for you)?|you may also like|newspapers (in|from) \p{L}+|printed and distributed by|читайте (также|нас)|подписывайтесь)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WidgetTitle();

    [GeneratedRegex(@"\b(shop now|buy now|order now|sponsored|promoted|don[’']t miss|best\b.*\bdeals|deals? of the day|\d+% off|coupon)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Promo();

    [GeneratedRegex(@"^[\p{L}][\p{L} .'-]{0,30}(\s+[>»›/|]\s+[\p{L}][\p{L} .'-]{0,30})+$")]
    private static partial Regex Crumbs();

    [GeneratedRegex(@"^((page|p\.|стр\.?|с\.)\s*\d+(\s*(of|/|из)\s*\d+)?|[A-Z]\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex EditionFurniture();

    [GeneratedRegex(@"(?<=\p{L})\d{1,2}:\d{2}(:\d{2})?$")]
    private static partial Regex GluedDuration();
}
