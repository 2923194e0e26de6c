using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>
/// The page's language: declared if the page says, otherwise guessed from script and stopwords. Also the
/// guess for plain-text captures, which declare nothing.
/// </summary>
internal static class Language
{
    private const string KazakhLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    /// <summary>Kazakh words carry these letters often; a few in a Russian text are loanwords or names.</summary>
    // Set with the text cleaner on the seed captures (2bf84c1).
    private const double KazakhShare = 0.02;

    // A text in Cyrillic script has more than half its letters Cyrillic; Latin quotes and names make up the rest.
    private const double CyrillicMajority = 0.5;

    // 4,000 characters hold hundreds of words, plenty for stopword counts; the rest of a long text only costs time.
    private const int SampleLength = 4000;

    private static readonly (string Code, HashSet<string> Words)[] Stopwords =
    [
        ("en", ["the", "and", "of", "to", "is", "in", "that", "was", "for", "with"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "auch"]),
        ("fr", ["le", "la", "les", "et", "des", "est", "une", "dans", "pour", "pas"]),
        ("es", ["el", "los", "las", "y", "del", "que", "una", "por", "con", "para"]),
    ];

    public static string? Of(IDocument document, string bodyText)
    {
        var declared = document.DocumentElement.GetAttribute("lang")
            ?? Metadata.Meta(document, "content-language", "og:locale", "dc.language", "language");
        return Code(declared) ?? Guess(bodyText);
    }

    private static string? Code(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_', ',', ';')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    public static string? Guess(string text)
    {
        var sample = text.Length > SampleLength ? text[..SampleLength] : text;
        var letters = sample.Count(char.IsLetter);
        if (letters == 0)
        {
            return null;
        }

        var cyrillic = sample.Count(c => c is >= '\u0400' and <= '\u04FF');
        if (cyrillic > letters * CyrillicMajority)
        {
            return sample.Count(c => KazakhLetters.Contains(c)) >= cyrillic * KazakhShare ? "kk" : "ru";
        }

        var words = sample.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var best = Stopwords.Select(s => (s.Code, Hits: words.Count(s.Words.Contains))).MaxBy(s => s.Hits);
        return best.Hits > 0 ? best.Code : null;
    }
}
