using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// Subjects that take over a text which mentions Kazakhstan on the side: neighbours and other conflicts (the country,
/// its places and its people, as the gazetteer names them in any language), and sport, where Kazakhstan turns up as a
/// player's former league. Russia, China, the United States and the EU are deliberately absent: coverage of the unrest
/// is full of their reactions, so their names say nothing against the topic.
/// </summary>
internal static class CompetingSubjects
{
    /// <param name="Iso">The country whose entities make the subject; null for a subject told by its vocabulary.</param>
    public sealed record Subject(string Label, string? Iso, Term? Term)
    {
        public bool IsCountry => Iso is not null;
    }

    // Central Asian neighbours (their January 2022 border clash ran beside the unrest), and the region's other conflicts.
    private static readonly string[] Neighbours = ["KG", "TJ", "UZ", "TM", "AF", "UA", "BY", "AM", "AZ", "GE"];

    public static readonly IReadOnlyList<Subject> All =
    [
        .. Neighbours.Select(iso => new Subject(Gazetteer.Country(iso)?.Name ?? iso, iso, null)),
        new("sport", null, Term.Of(TermKind.Unrest, "sport",
            "football*", "soccer", "winger*", "striker*", "midfielder*", "goalkeeper*", "scored", "free transfer",
            "transfer window", "league*", "appearances", "debut*", "club*", "caps", "fixture*", "home match",
            "World Cup", "qualifier*", "half time", "brace", "goalless", "spectators", "Olympic*", "skater*", "medal*",
            "tennis", "Wimbledon", "Grand Slam",
            "футбол*", "клуб*", "трансфер*", "нападающ*", "полузащитник*", "вратар*", "матч*", "теннис*",
            "Fußball*", "Tennis*", "fútbol*", "tenis*", "calcio", "futebol", "piłk*", "voetbal*", "futbol*")),
    ];
}
