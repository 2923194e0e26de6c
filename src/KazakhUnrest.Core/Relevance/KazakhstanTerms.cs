using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// What ties a text to Kazakhstan: the country and its adjectives, its cities and regions, and the people and bodies
/// that acted in the unrest, read from the gazetteer (seed and editors' names, in every language it knows). Reports
/// often name only a city or an actor ("troops landed in Almaty", "the CSTO said"), so each of these anchors a text as
/// firmly as the country's name.
/// </summary>
internal static class KazakhstanTerms
{
    public const string CountryLabel = "Kazakhstan";

    private const string Iso = "KZ";

    /// <summary>Bodies of no one country whose only deployment, in the window, was the one in Kazakhstan.</summary>
    private static readonly HashSet<string> ActingInKazakhstan = new(StringComparer.Ordinal) { "csto" };

    /// <summary>How an entity anchors a text in Kazakhstan, or null when it does not.</summary>
    public static TermKind? KindOf(GazetteerEntry entry)
    {
        if (ActingInKazakhstan.Contains(entry.Id))
        {
            return TermKind.Actor;
        }

        if (!string.Equals(CountryOf(entry), Iso, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return entry.Kind switch
        {
            EntityKind.Country => TermKind.Country,
            EntityKind.Place => TermKind.Place,
            _ => TermKind.Actor,
        };
    }

    /// <summary>The country an entity is, or belongs to.</summary>
    public static string? CountryOf(GazetteerEntry entry) => entry.Kind == EntityKind.Country ? entry.Iso : entry.Country;

    /// <summary>
    /// How a reason names an entity: as reports do in short, a person by the family name ("Tokayev"), a body by its
    /// abbreviation ("CSTO", "KNB") when it has one.
    /// </summary>
    public static string Label(GazetteerEntry entry) => entry.Kind switch
    {
        EntityKind.Country when string.Equals(entry.Iso, Iso, StringComparison.OrdinalIgnoreCase) => CountryLabel,
        EntityKind.Person => entry.Surnames.FirstOrDefault() ?? entry.Name.Split([' ', '-']).Last(),
        EntityKind.Organisation => entry.Aliases.FirstOrDefault(IsAbbreviation) ?? entry.Name,
        _ => entry.Name,
    };

    private static bool IsAbbreviation(string alias) =>
        alias.Length is >= 2 and <= 5 && alias.All(c => c is >= 'A' and <= 'Z');
}
