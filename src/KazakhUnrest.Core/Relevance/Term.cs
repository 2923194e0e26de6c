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
/// A word or phrase with its spellings across English, Russian and Kazakh, shown to readers under one label.
/// In a spelling, a word ending in <c>*</c> takes any inflection (Russian cases, English plurals) and a
/// space stands for any run of spaces or hyphens.
/// </summary>
internal sealed record Term(string Label, TermKind Kind, Regex Pattern)
{
    public static Term Of(TermKind kind, string label, params string[] spellings) =>
        new(label, kind, Compile(spellings));

    public static Regex Compile(IEnumerable<string> spellings)
    {
        var alternatives = spellings.Select(Spelling);
        return new Regex(
            @"(?<![\p{L}\p{N}])(?:" + string.Join("|", alternatives) + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    private static string Spelling(string spelling) =>
        string.Join(@"[\s\-]+", spelling.Split(' ').Select(Word));

    private static string Word(string word) =>
        word.EndsWith('*') ? Regex.Escape(word[..^1]) + @"\p{L}*" : Regex.Escape(word);
}
