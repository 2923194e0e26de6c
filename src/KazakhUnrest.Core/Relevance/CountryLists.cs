using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// Finds the country names that stand in an enumeration ("Armenia, Belarus, Kazakhstan and Kyrgyzstan"):
/// a report about anything in the former Soviet Union lists its members, so a name inside such a list says
/// almost nothing about what the report is about.
/// </summary>
internal static partial class CountryLists
{
    /// <summary>Three names make a list; two are as often a pair of actors ("Russia and Kazakhstan").</summary>
    private const int MinimumListLength = 3;

    private static readonly Regex CountryName = Term.Compile(
    [
        "Kazakhstan*", "Kyrgyzstan*", "Kirgizia", "Tajikistan*", "Uzbekistan*", "Turkmenistan*", "Russia*",
        "Belarus*", "Armenia*", "Azerbaijan*", "Georgia*", "Moldova*", "Ukraine*", "China*", "Mongolia*",
        "Afghanistan*", "Iran*", "Turkey*", "Pakistan*", "India*", "the Baltic states", "Latvia*", "Lithuania*",
        "Estonia*", "the United States", "Казахстан*", "Киргизи*", "Кыргызстан*", "Таджикистан*", "Узбекистан*",
        "Туркменистан*", "Туркмени*", "Росси*", "Белорусси*", "Беларус*", "Армени*", "Азербайджан*", "Грузи*",
        "Молдави*", "Молдов*", "Украин*", "Китай*", "Китая", "Монголи*", "Афганистан*", "Иран*", "Турци*",
    ]);

    public static IReadOnlyList<(int Start, int End)> Find(string text)
    {
        var names = CountryName.Matches(text);
        var lists = new List<(int Start, int End)>();
        var first = 0;
        for (var i = 1; i <= names.Count; i++)
        {
            if (i < names.Count && Separator().IsMatch(Between(text, names[i - 1], names[i])))
            {
                continue;
            }

            if (i - first >= MinimumListLength)
            {
                lists.Add((names[first].Index, names[i - 1].Index + names[i - 1].Length));
            }

            first = i;
        }
        return lists;
    }

    private static string Between(string text, Match left, Match right) =>
        text[(left.Index + left.Length)..right.Index];

    [GeneratedRegex(@"^\s*(,|;|/|,?\s*(and|or|и|или|және)|,?\s*as well as)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();
}
