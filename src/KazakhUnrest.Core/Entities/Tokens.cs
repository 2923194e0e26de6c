using System.Globalization;
using System.Text;

namespace KazakhUnrest.Core.Entities;

/// <summary>A word of a text: letters and digits only, so hyphens, apostrophes and dots separate words.</summary>
internal readonly record struct Token(int Start, int End, string Key, bool Capitalised, bool AllCapitals)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into words and folds each to a key that ignores case, accents, the Kazakh-only Cyrillic letters
/// (Тоқаев and Токаев are spelled both ways in the same outlet) and ё, so aliases need not list every spelling.
/// </summary>
internal static class Tokens
{
    public static List<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
                i++;
            tokens.Add(Make(text, start, i));
        }
        return tokens;
    }

    public static string Key(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                key.Append(Fold(char.ToLowerInvariant(c)));
        }
        return key.ToString();
    }

    /// <summary>
    /// What may stand between two words of one name: spaces, a hyphen ("Nur-Sultan" and "Nur Sultan"), an apostrophe
    /// ("Russia’s answer"), or the dot of an abbreviation ("U.S.", "Mr."), but not a sentence's full stop.
    /// </summary>
    public static bool Joins(string text, Token left, Token right)
    {
        var dot = false;
        for (var i = left.End; i < right.Start; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                if (dot || left.Length > 2)
                    return false;
                dot = true;
            }
            else if (!char.IsWhiteSpace(c) && !IsHyphen(c) && !IsApostrophe(c))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´';

    private static bool IsHyphen(char c) => c is '-' or '‐' or '‑';

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static Token Make(string text, int start, int end)
    {
        var word = text[start..end];
        var letters = word.Where(char.IsLetter).ToList();
        return new Token(start, end, Key(word), char.IsUpper(word[0]), letters.Count > 0 && letters.All(char.IsUpper));
    }

    private static char Fold(char c) => c switch
    {
        'қ' => 'к',
        'ғ' => 'г',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' or 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        'ә' => 'а',
        'ё' => 'е',
        _ => c,
    };
}
