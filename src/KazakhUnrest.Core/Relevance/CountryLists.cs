using System.Text.RegularExpressions;
using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// Finds the country names that stand in an enumeration ("Armenia, Belarus, Kazakhstan and Kyrgyzstan", "Armenien,
/// Belarus, Kasachstan und Kirgistan"): a report about anything in the former Soviet Union lists its members, so a
/// name inside such a list says almost nothing about what the report is about.
/// </summary>
internal static partial class CountryLists
{
    /// <summary>Three names make a list; two are as often a pair of actors ("Russia and Kazakhstan").</summary>
    private const int MinimumListLength = 3;

    /// <summary>The lists among the countries the seed gazetteer finds in <paramref name="text"/>.</summary>
    public static IReadOnlyList<(int Start, int End)> Find(string text) =>
        Find(text, EntityMatcher.Seed.Find(text).Where(mention => mention.Kind == EntityKind.Country).ToList());

    /// <param name="countries">The text's country mentions, in text order.</param>
    public static IReadOnlyList<(int Start, int End)> Find(string text, IReadOnlyList<EntityMention> countries)
    {
        var lists = new List<(int Start, int End)>();
        var first = 0;
        for (var i = 1; i <= countries.Count; i++)
        {
            if (i < countries.Count && countries[i - 1].End <= countries[i].Start
                && Separator().IsMatch(text.AsSpan(countries[i - 1].End, countries[i].Start - countries[i - 1].End)))
            {
                continue;
            }

            if (i - first >= MinimumListLength)
            {
                lists.Add((countries[first].Start, countries[i - 1].End));
            }

            first = i;
        }
        return lists;
    }

    // Commas (also the Chinese and Arabic ones) and the word "and" or "or" in the languages the gazetteer names
    // countries in; Arabic و and Hebrew ו are written onto the next name, which the matcher reads as part of it.
    [GeneratedRegex(@"^\s*(,|;|/|、|،|,?\s*(and|or|as well as|и|или|і|та|және|und|oder|et|ou|y|o|e|i|oraz|lub|en|ve|veya|și|sau|ja|tai|a|és|och|和|及|与|と|或))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();
}
