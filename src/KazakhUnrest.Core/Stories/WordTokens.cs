namespace KazakhUnrest.Core.Stories;

/// <summary>A word of running text, lower-cased, with what the original looked like.</summary>
public readonly record struct WordToken(string Text, bool Capitalised, bool Number, bool SentenceStart);

/// <summary>
/// Splits text into words of Unicode letters and digits (Latin, Cyrillic, anything else), dropping punctuation.
/// Digit groups joined by a comma or point ("4,400", "1.5") stay one number so figures survive as single tokens.
/// </summary>
public static class WordTokens
{
    public static List<WordToken> Split(string text)
    {
        var tokens = new List<WordToken>(text.Length / 6);
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                sentenceStart |= c is '.' or '!' or '?' or '\n' or ':' or '"' or '«' or '“';
                i++;
                continue;
            }

            var start = i;
            var end = WordEnd(text, i);
            tokens.Add(Token(text.AsSpan(start, end - start), sentenceStart));
            sentenceStart = false;
            i = end;
        }

        return tokens;
    }

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                i++;
            }
            else if (c is ',' or '.' or '\'' or '’' && i + 1 < text.Length && i > 0
                     && IsJoined(text[i - 1], text[i + 1], c))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // Apostrophes join letters ("Kazakhstan's" stays one word); commas and points only join digits.
    private static bool IsJoined(char before, char after, char joiner) =>
        joiner is '\'' or '’' ? char.IsLetter(before) && char.IsLetter(after) : char.IsDigit(before) && char.IsDigit(after);

    private static WordToken Token(ReadOnlySpan<char> word, bool sentenceStart)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                lower[length++] = char.ToLowerInvariant(c);
            }
        }

        return new WordToken(new string(lower[..length]), char.IsUpper(word[0]), char.IsDigit(word[0]), sentenceStart);
    }
}
