namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// A cheap script-based guess, enough to route a capture: Kazakh is the Cyrillic text that uses its own
/// letters, other Cyrillic is taken for Russian, anything else for English (the corpus languages).
/// </summary>
internal static class Language
{
    private const string KazakhLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    /// <summary>Kazakh words carry these letters often; a few in a Russian text are loanwords or names.</summary>
    private const double KazakhShare = 0.02;

    public static string Guess(string text)
    {
        var letters = text.Count(char.IsLetter);
        var cyrillic = text.Count(IsCyrillic);
        if (letters == 0 || cyrillic * 2 < letters)
            return "en";
        return text.Count(c => KazakhLetters.Contains(c)) >= cyrillic * KazakhShare ? "kk" : "ru";
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';
}
