namespace KazakhUnrest.Core.Entities;

/// <summary>
/// The forms a name takes inside a sentence in languages that attach case endings or little words to it: German
/// "Kasachstans", Polish "w Kazachstanie", Finnish "Kazakstanissa", Kazakh "Қазақстанда", Arabic "وكازاخستان" (and
/// Kazakhstan), Hebrew "בקזחסטן" (in Kazakhstan), Armenian "Ղազախստանի". A word the gazetteer does not know is tried again without one of
/// these endings or, for the first word of a name, without one of these prefixes, so an alias is written once in its
/// dictionary form. Russian is not here: <see cref="Tokens"/> strips its endings from aliases and text alike.
/// </summary>
internal static class Inflection
{
    /// <summary>What must remain of a word once an ending or prefix is cut: shorter stems meet too many other words.</summary>
    public const int MinStem = 4;

    // Case endings as token keys spell them (accents folded), by script. A word is tried without each in turn, shortest
    // first, so the least cut that names something wins: "Kazakhstanis" is the adjective before it is the country.
    private static readonly Dictionary<char, string[]> LatinEndings = ByLastLetter(Ordered(
    [
        // German genitive and adjective endings: Kasachstans, kasachische, kasachischen.
        "s", "es", "e", "en", "er", "em", "n",
        // Polish, Czech and Slovak cases: Kazachstanu, Kazachstanie, Kazachstanem, Tokajewa, Tokajewowi, kazachskiego, kazachskich.
        "u", "ie", "a", "y", "ego", "ej", "ch", "m", "mi", "owi", "ovi", "om", "ou", "eho",
        // Finnish and Estonian cases: Kazakstanin, Kazakstanissa, Kazakstanista, Kasahstani, Kasahstanis, Kasahstanist.
        "in", "ssa", "sta", "lla", "lle", "lta", "iin", "issa", "ista", "illa", "ilta", "ille", "ina", "iksi",
        "i", "is", "ist", "isse", "ile", "il", "iga",
        // Hungarian and Romanian: Kazahsztanban, Kazahsztannal, Kazahstanul, Kazahstanului.
        "ban", "ben", "ba", "be", "nak", "nal", "ot", "ul", "ului",
    ]));

    // Kazakh cases after a Kazakh or Russian word: Қазақстанда, Қазақстанның, Тоқаевтың, Алматыдағы.
    private static readonly Dictionary<char, string[]> CyrillicEndings = ByLastLetter(Ordered(
    [
        "да", "де", "та", "те", "га", "ге", "ка", "ке", "на", "не", "нын", "нин", "дын", "дин", "тын", "тин",
        "ны", "ни", "ды", "ди", "ты", "ти", "дан", "ден", "тан", "тен", "нан", "нен", "дагы", "деги", "тагы", "теги",
        // Ukrainian locative and dative (і folded to и): Казахстані.
        "и",
    ]));

    // The Arabic relative ending, its feminine and plurals: كازاخستاني, الكازاخستانية, الكازاخيين.
    private static readonly Dictionary<char, string[]> ArabicEndings = ByLastLetter(Ordered(["ة", "ي", "ية", "يين", "يون", "ين"]));

    // Hebrew adjective and plural endings: קזחית (Kazakh, feminine), קזחים.
    private static readonly Dictionary<char, string[]> HebrewEndings = ByLastLetter(Ordered(["ת", "ית", "ים", "יות", "י"]));

    // Armenian cases and the article: Ղազախստանի, Ղազախստանում, Տոկաևը.
    private static readonly Dictionary<char, string[]> ArmenianEndings = ByLastLetter(Ordered(["ի", "ը", "ն", "ում", "ից", "ին", "ով", "ան"]));

    // Arabic proclitics: and, so, in/with, for, like, the article and their combinations (والـ, بالـ, للـ).
    private static readonly string[] ArabicPrefixes = Ordered(
    [
        "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وب", "ول", "وك", "فب", "فل", "وبال",
    ]);

    // Hebrew prefixes: and, that, from, in, to, like, the, and their common combinations (ובקזחסטן, שבאלמטי, מהקזחים).
    private static readonly string[] HebrewPrefixes = Ordered(
    [
        "ו", "ש", "מ", "ב", "ל", "כ", "ה", "וב", "וה", "ול", "ומ", "וש", "שב", "שה", "של", "מה", "כש", "לה", "בה", "ושב", "ומה",
    ]);

    /// <summary>
    /// The shorter readings of <paramref name="word"/> (a token's folded form), least cut first, as where each starts
    /// and how many letters its end loses: enumerated in place, as the matcher tries them for most words of a text.
    /// </summary>
    /// <param name="first">Whether the word opens a name: prefixes only stand before a name's first word.</param>
    public static Readings Stems(string word, bool first)
    {
        if (word.Length <= MinStem)
        {
            return default;
        }

        return Script(word[0]) switch
        {
            'L' => new Readings(word, EndingsOf(LatinEndings, word), []),
            'C' => new Readings(word, EndingsOf(CyrillicEndings, word), []),
            'A' => new Readings(word, EndingsOf(ArabicEndings, word), first ? ArabicPrefixes : []),
            'H' => new Readings(word, EndingsOf(HebrewEndings, word), first ? HebrewPrefixes : []),
            'Y' => new Readings(word, EndingsOf(ArmenianEndings, word), []),
            _ => default,
        };
    }

    /// <summary>Whether the word's shorter readings may start later than it does (an Arabic or Hebrew prefix).</summary>
    public static bool MayHavePrefix(string word, bool first) => first && word.Length > 0 && Script(word[0]) is 'A' or 'H';

    /// <summary>Every prefix (or none) with every ending (or none), except the word itself.</summary>
    public ref struct Readings(string word, string[] endings, string[] prefixes)
    {
        private int _prefix = -1;
        private int _ending = -1;

        public (int Skip, int Cut) Current { get; private set; }

        public readonly Readings GetEnumerator() => this;

        public bool MoveNext()
        {
            if (word is null)
            {
                return false;
            }

            while (_prefix < prefixes.Length)
            {
                var skip = _prefix < 0 ? 0 : prefixes[_prefix].Length;
                if (_prefix < 0 || word.StartsWith(prefixes[_prefix], StringComparison.Ordinal))
                {
                    while (++_ending < endings.Length + 1)
                    {
                        // _ending 0 is "no ending", then the endings in order.
                        var cut = _ending == 0 ? 0 : endings[_ending - 1].Length;
                        if ((_prefix < 0 && _ending == 0) || word.Length - skip - cut < MinStem
                            || (_ending > 0 && !word.AsSpan(skip).EndsWith(endings[_ending - 1], StringComparison.Ordinal)))
                        {
                            continue;
                        }

                        Current = (skip, cut);
                        return true;
                    }
                }

                _prefix++;
                _ending = -1;
            }
            return false;
        }
    }

    private static char Script(char c) => c switch
    {
        >= 'a' and <= 'z' => 'L',
        >= 'а' and <= 'я' => 'C',
        >= '\u0600' and <= '\u06FF' => 'A',
        >= '\u05D0' and <= '\u05EA' => 'H',
        >= '\u0561' and <= '\u0587' => 'Y',
        _ => ' ',
    };

    private static string[] Ordered(string[] affixes) =>
        affixes.Distinct().OrderBy(affix => affix.Length).ThenBy(affix => affix, StringComparer.Ordinal).ToArray();

    /// <summary>The endings by their last letter, so a word is tried only with the endings it can have.</summary>
    private static Dictionary<char, string[]> ByLastLetter(string[] endings) =>
        endings.GroupBy(ending => ending[^1]).ToDictionary(group => group.Key, group => group.ToArray());

    private static string[] EndingsOf(Dictionary<char, string[]> byLast, string word) =>
        byLast.TryGetValue(word[^1], out var endings) ? endings : [];
}
