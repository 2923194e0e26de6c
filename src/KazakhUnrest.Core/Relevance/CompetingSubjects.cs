namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// Subjects that take over a text which mentions Kazakhstan on the side: neighbours and other conflicts
/// (with their capitals and leaders, as reports name them), and sport, where Kazakhstan turns up as a
/// player's former league. Russia, China, the United States and the EU are deliberately absent: coverage
/// of the unrest is full of their reactions, so their names say nothing against the topic.
/// </summary>
internal static class CompetingSubjects
{
    public sealed record Subject(string Label, bool IsCountry, Term Term);

    public static readonly IReadOnlyList<Subject> All =
    [
        Country("Kyrgyzstan", "Kyrgyz*", "Kirgiz*", "Bishkek", "Japarov", "Zhaparov", "Киргиз*", "Кыргыз*", "Бишкек*", "Жапаров*"),
        Country("Tajikistan", "Tajik*", "Dushanbe", "Rahmon", "Таджик*", "Душанбе", "Рахмон*"),
        Country("Uzbekistan", "Uzbek*", "Tashkent", "Mirziyoyev", "Узбек*", "Ташкент*", "Мирзиёев*"),
        Country("Turkmenistan", "Turkmen*", "Ashgabat", "Туркмен*", "Ашхабад*"),
        Country("Afghanistan", "Afghan*", "Kabul", "Taliban", "Афганистан*", "Кабул*", "Талибан*"),
        Country("Ukraine", "Ukrain*", "Kyiv", "Kiev", "Donbas*", "Zelensky*", "Украин*", "Киев*", "Донбасс*", "Зеленск*"),
        Country("Belarus", "Belarus*", "Minsk", "Lukashenko", "Белорус*", "Беларус*", "Минск*", "Лукашенко"),
        Country("Armenia", "Armenia*", "Yerevan", "Армени*", "Ереван*"),
        Country("Azerbaijan", "Azerbaijan*", "Azeri*", "Baku", "Nagorno Karabakh", "Азербайджан*", "Баку", "Карабах*"),
        Country("Georgia", "Georgia*", "Tbilisi", "Грузи*", "Тбилиси"),
        new("sport", false, Term.Of(TermKind.Unrest, "sport",
            "football*", "soccer", "winger*", "striker*", "midfielder*", "goalkeeper*", "scored", "free transfer",
            "transfer window", "league*", "appearances", "debut*", "club*", "caps", "fixture*", "home match",
            "World Cup", "qualifier*", "half time", "brace", "goalless", "spectators", "Olympic*", "skater*", "medal*",
            "футбол*", "клуб*", "трансфер*", "нападающ*", "полузащитник*", "вратар*", "матч*")),
    ];

    private static Subject Country(string label, params string[] spellings) =>
        new(label, true, Term.Of(TermKind.Country, label, spellings));
}
