namespace KazakhUnrest.Core.Text;

/// <summary>One sentence of a text, with its place in the text.</summary>
public readonly record struct Sentence(int Start, int Length, string Text)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits text into sentences in one pass over the characters. A newline always ends a sentence (the
/// cleaner joins broken paragraphs before this runs). A full stop ends one only when space and a
/// sentence opening follow, so "etc. and", "2.5", "Mr. Smith", "Jan. 5" and "J. Smith" stay whole.
/// </summary>
public static class Sentences
{
    /// <summary>Short words written with a full stop that a name or number follows rather than a new sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "gov", "sen",
        "rep", "rev", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "approx", "ca", "fig", "inc", "ltd", "corp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "г", "гг", "ул", "им", "тыс", "млн", "млрд", "руб", "т.е", "т.д", "т.п", "др", "пр", "см",
    };

    /// <summary>Words that open a sentence, used to decide whether "U.S." closes one.</summary>
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That",
        "These", "Those", "Its", "His", "Her", "Their", "There", "However", "Meanwhile", "Officials", "Some",
    };

    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(text, sentences, start, i);
                start = -1;
                continue;
            }
            if (start < 0)
            {
                if (!char.IsWhiteSpace(c))
                {
                    start = i;
                }

                continue;
            }
            if (!IsTerminator(c))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && IsTerminator(text[end]))
            {
                end++;
            }

            while (end < text.Length && IsCloser(text[end]))
            {
                end++;
            }

            if (EndsSentence(text, i, end))
            {
                Add(text, sentences, start, end);
                start = -1;
            }
            i = end - 1;
        }
        Add(text, sentences, start, text.Length);
        return sentences;
    }

    /// <summary>The sentence holding a character, by its index in <paramref name="sentences"/>; -1 between sentences.</summary>
    public static int IndexAt(IReadOnlyList<Sentence> sentences, int position)
    {
        var (low, high) = (0, sentences.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var sentence = sentences[middle];
            if (position < sentence.Start)
            {
                high = middle - 1;
            }
            else if (position >= sentence.End)
            {
                low = middle + 1;
            }
            else
            {
                return middle;
            }
        }
        return -1;
    }

    private static void Add(string text, List<Sentence> sentences, int start, int end)
    {
        if (start < 0)
        {
            return;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new Sentence(start, end - start, text[start..end]));
        }
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']';

    /// <param name="stop">Where the first terminator is.</param>
    /// <param name="end">Just after the terminators and closing quotes.</param>
    private static bool EndsSentence(string text, int stop, int end)
    {
        if (end == text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var next = end;
        while (next < text.Length && text[next] is ' ' or '\t' or '\u00A0')
        {
            next++;
        }

        if (next == text.Length || text[next] is '\n' or '\r')
        {
            return true;
        }

        var opening = text[next];
        if (!(char.IsUpper(opening) || char.IsDigit(opening) || opening is '"' or '“' or '«' or '\'' or '‘' or '(' or '[' or '—' or '–' or '-'))
        {
            return false;
        }
        // Only a single full stop can belong to an abbreviation; "?", "!" and "..." before a capital end the sentence.
        if (text[stop] != '.' || (stop + 1 < text.Length && text[stop + 1] == '.'))
        {
            return true;
        }

        var word = WordBefore(text, stop);
        if (word.Length == 0)
        {
            return true;
        }

        if (word.Contains('.'))
        {
            return IsAcronym(word) ? Openers.Contains(NextWord(text, next)) : !Abbreviations.Contains(word.ToString());
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        if (word.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return !char.IsDigit(opening);
        }

        return !Abbreviations.Contains(word.ToString());
    }

    /// <summary>Letters and inner full stops just before a full stop: "Mr", "U.S", "e.g".</summary>
    private static ReadOnlySpan<char> WordBefore(string text, int stop)
    {
        var start = stop;
        while (start > 0 && (char.IsLetter(text[start - 1]) || (text[start - 1] == '.' && start - 1 > 0 && char.IsLetter(text[start - 2]))))
        {
            start--;
        }

        return text.AsSpan(start, stop - start);
    }

    /// <summary>Capital letters with full stops between them: "U.S", "U.N", "E.U".</summary>
    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var expectLetter = i % 2 == 0;
            if (expectLetter ? !char.IsUpper(word[i]) : word[i] != '.')
            {
                return false;
            }
        }
        return true;
    }

    private static string NextWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[start..end];
    }
}
