using System.Globalization;
using System.Text;

namespace KazakhUnrest.Core.Text;

/// <summary>Lower-case, hyphenated identifiers made from a name or a host, for addresses and ids.</summary>
public static class Slugs
{
    /// <summary>The slug and id columns hold at most 100 characters (outlets.slug; entities.id allows 120).</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// The text in lower case, accents folded ("António" gives "antonio"), with every run of characters other than ASCII letters and digits made one hyphen, trimmed
    /// of hyphens and cut to <see cref="MaxLength"/>: "tengrinews.kz" gives "tengrinews-kz". Empty when the text has no
    /// ASCII letter or digit (a name in Cyrillic), so the caller decides what stands in. Outlet slugs made this way are
    /// stored and appear in the site's addresses: changing the rule changes the slug a new capture of a known site gets.
    /// </summary>
    public static string From(string text)
    {
        // Accents folded first: "ant-nio-guterres" would be an id nobody could guess from the name.
        var folded = text.ToLowerInvariant().Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        var chars = folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug[..Math.Min(slug.Length, MaxLength)];
    }
}
