using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Relevance;

internal enum TermKind
{
    Country,
    Place,
    Actor,
    Unrest,
}

/// <summary>
/// A word or phrase with its spellings across the languages of the coverage, shown to readers under one label.
/// In a spelling, a word ending in <c>*</c> takes any inflection (Russian cases, English plurals) and a
/// space stands for any run of spaces or hyphens.
/// </summary>
internal sealed record Term(string Label, TermKind Kind, Regex Pattern)
{
    public static Term Of(TermKind kind, string label, params string[] spellings) =>
        new(label, kind, Compile(spellings));

    /// <summary>
    /// A spelling stands alone as a word, except where the script says otherwise: Chinese and Japanese write no spaces,
    /// so a term is any run of its characters; Arabic and Hebrew write "and", "the", "in" onto the word (والاحتجاجات,
    /// בהפגנות), so a term may carry those in front. Spellings are grouped by script, each group under one pair of
    /// boundaries, so the regex engine still finds a term's possible first letters and skips ahead to them.
    /// </summary>
    public static Regex Compile(IEnumerable<string> spellings)
    {
        var groups = spellings.GroupBy(Script)
            .OrderBy(group => group.Key)
            .Select(group => Bounded(group.Key, "(?:" + string.Join("|", group.Select(Spelling)) + ")"));
        return new Regex(string.Join("|", groups), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    private static string Spelling(string spelling) => string.Join(@"[\s\-]+", spelling.Split(' ').Select(Word));

    private static char Script(string spelling) => spelling[0] switch
    {
        _ when Entities.Tokens.IsUnspaced(spelling[0]) => 'U',
        >= '\u0600' and <= '\u06FF' => 'A',
        >= '\u05D0' and <= '\u05EA' => 'H',
        _ => 'W',
    };

    private static string Bounded(char script, string alternatives) => script switch
    {
        'U' => alternatives,
        'A' => NotAfterLetter + "(?:" + ArabicProclitics + ")?" + alternatives + NotBeforeLetter,
        'H' => NotAfterLetter + "(?:" + HebrewProclitics + ")?" + alternatives + NotBeforeLetter,
        _ => NotAfterLetter + alternatives + NotBeforeLetter,
    };

    private const string NotAfterLetter = @"(?<![\p{L}\p{N}])";

    private const string NotBeforeLetter = @"(?![\p{L}\p{N}])";

    // And, so, with, for, like, then the article: و ف ب ل ك, ال.
    private const string ArabicProclitics = "[وف]?[بلك]?(?:ال)?|لل";

    // And, that, from, in, to, like, the: up to three of ו ש מ ב ל כ ה.
    private const string HebrewProclitics = "[ושמבלכה]{1,3}";

    private static string Word(string word) =>
        word.EndsWith('*') ? Regex.Escape(word[..^1]) + @"\p{L}*" : Regex.Escape(word);
}
