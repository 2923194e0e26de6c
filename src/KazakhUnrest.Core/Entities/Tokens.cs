using System.Globalization;
using System.Text;

namespace KazakhUnrest.Core.Entities;

/// <summary>
/// A word of a text: letters and digits only, so hyphens, apostrophes and dots separate words; in Chinese and Japanese,
/// which write no spaces, every character. <see cref="Folded"/> is the word folded like <see cref="Key"/> but with its
/// Russian case ending kept, which <see cref="Inflection"/> reads other languages' endings from.
/// </summary>
internal readonly record struct Token(int Start, int End, string Key, string Folded, bool Capitalised, bool AllCapitals)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into words and folds each to a key that ignores case, accents, the Kazakh-only Cyrillic letters
/// (Тоқаев and Токаев are spelled both ways in the same outlet), ё, the Ukrainian letters and the Arabic letter
/// variants, so aliases need not list every spelling.
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
            if (IsUnspaced(text[i]))
            {
                i++;
            }
            else
            {
                while (i < text.Length && IsWordChar(text[i]) && !IsUnspaced(text[i]))
                {
                    i++;
                }
            }

            tokens.Add(Make(text, start, i));
        }
        return tokens;
    }

    public static string Key(string word) => Stem(Fold(word));

    /// <summary>The word without case, accents and letter variants, its ending kept.</summary>
    private static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key.Append(Fold(char.ToLowerInvariant(c)));
            }
        }
        return key.ToString();
    }

    /// <summary>Russian case endings, longest first, spelled as keys are: й has lost its breve to the accent folding and is и.</summary>
    private static readonly string[] Endings =
    [
        "ыми", "ими", "ами", "ями", "ого", "его", "ому", "ему", "иеи",
        "ых", "их", "ыи", "ии", "ои", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ым", "им", "ом", "ем", "еи", "ою", "ею",
        "ию", "ия", "ам", "ям", "ах", "ях",
        "а", "я", "у", "ю", "е", "ы", "и", "о",
    ];

    private const int MinStem = 4;

    /// <summary>
    /// Russian declines names: Токаев, Токаева, Токаеву, Токаевым are one man, and "по словам Токаева" must find him.
    /// A Cyrillic word loses its case ending, in the gazetteer and in the text alike, so every form meets the same key.
    /// Short words keep theirs: a stem under four letters says too little.
    /// </summary>
    private static string Stem(string key)
    {
        if (key.Length <= MinStem || !key.All(IsRussianLetter))
        {
            return key;
        }

        foreach (var ending in Endings)
        {
            if (key.Length - ending.Length >= MinStem && key.EndsWith(ending, StringComparison.Ordinal))
            {
                return key[..^ending.Length];
            }
        }
        return key;
    }

    private static bool IsRussianLetter(char c) => c is >= 'а' and <= 'я';

    /// <summary>
    /// Chinese and Japanese run words together, so each character is a word of its own and a name is the run of its
    /// characters: "哈萨克斯坦总统" holds 哈萨克斯坦 as "Kazakhstan's president" holds Kazakhstan.
    /// </summary>
    public static bool IsUnspaced(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FA') or (>= '\u30FC' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF')
            or (>= '\uFF66' and <= '\uFF9F');

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
                {
                    return false;
                }

                dot = true;
            }
            else if (!char.IsWhiteSpace(c) && !IsHyphen(c) && !IsApostrophe(c) && !IsNameDot(c))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´';

    private static bool IsHyphen(char c) => c is '-' or '‐' or '‑';

    /// <summary>The dot between given and family name in Chinese and Japanese transcriptions ("托卡耶夫" after "卡瑟姆-若马尔特·").</summary>
    private static bool IsNameDot(char c) => c is '·' or '・' or '•';

    // Vowel signs of Indic scripts are spacing marks inside a word (कज़ाख़स्तान), not separators.
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static Token Make(string text, int start, int end)
    {
        var word = text[start..end];
        var letters = word.Where(char.IsLetter).ToList();
        var folded = Fold(word);
        return new Token(start, end, Stem(folded), folded, char.IsUpper(word[0]), letters.Count > 0 && letters.All(char.IsUpper));
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
        // Ukrainian (ї and й lose their marks to the accent folding already).
        'є' => 'е',
        'ґ' => 'г',
        // Letters the accent folding cannot reach, having no decomposition: Polish ł, Nordic ø, Turkish dotless ı.
        'ł' => 'l',
        'ø' => 'o',
        'ı' => 'i',
        // Arabic as Persian and Urdu keyboards type it, and the final alif maqsura (the hamza seats fold as accents).
        'ى' or 'ی' => 'ي',
        'ک' => 'ك',
        _ => c,
    };
}
