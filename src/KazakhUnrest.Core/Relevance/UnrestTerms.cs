namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// The vocabulary of the unrest: protest, violence, the emergency measures, the fuel price that started
/// it, casualties and detentions, the troops. Alone it fits any conflict anywhere; it only counts towards
/// the topic in proportion to how firmly the text is anchored in Kazakhstan.
/// </summary>
internal static class UnrestTerms
{
    public static readonly IReadOnlyList<Term> All =
    [
        Term.Of(TermKind.Unrest, "protest", "protest*", "протест*", "наразылық*"),
        Term.Of(TermKind.Unrest, "demonstration", "demonstration*", "demonstrator*", "демонстрант*", "демонстраци*"),
        Term.Of(TermKind.Unrest, "rally", "rally", "rallies", "митинг*"),
        Term.Of(TermKind.Unrest, "riot", "riot*", "беспорядк*", "погром*"),
        Term.Of(TermKind.Unrest, "unrest", "unrest", "uprising", "revolt", "волнени*", "бунт*"),
        Term.Of(TermKind.Unrest, "clashes", "clash*", "gunfire", "столкновени*", "перестрелк*"),
        Term.Of(TermKind.Unrest, "looting", "loot*", "мародёр*", "мародер*"),
        Term.Of(TermKind.Unrest, "state of emergency",
            "state of emergency", "emergency rule", "чрезвычайн* положени*", "ЧП", "режим ЧП", "төтенше жағдай*"),
        Term.Of(TermKind.Unrest, "curfew", "curfew*", "комендантск* час*"),
        Term.Of(TermKind.Unrest, "fuel price",
            "fuel price*", "gas price*", "LPG", "liquefied gas", "liquefied petroleum gas", "price cap",
            "сжиженн* газ*", "цен* на газ*", "цен* на топлив*", "стоимост* газа", "автогаз*"),
        Term.Of(TermKind.Unrest, "shoot without warning",
            "shoot without warning", "fire without warning", "shoot to kill", "стрелять без предупреждения",
            "огонь на поражение без предупреждения",
            "огонь на поражение", "без предупреждения"),
        Term.Of(TermKind.Unrest, "detained", "detain*", "detention*", "arrest*", "задержа*", "арест*"),
        Term.Of(TermKind.Unrest, "killed", "killed", "death toll", "casualt*", "погиб*", "убит*", "жертв*"),
        Term.Of(TermKind.Unrest, "troops", "troops", "paratrooper*", "peacekeep*", "десантник*", "миротвор*", "военнослужащ*"),
        Term.Of(TermKind.Unrest, "internet shutdown",
            "internet shutdown*", "internet blackout*", "blackout", "shutdown*", "отключени* интернет*"),
        Term.Of(TermKind.Unrest, "terrorists", "terrorist*", "militant*", "террорист*", "контртеррористическ*", "боевик*"),
        Term.Of(TermKind.Unrest, "bandits", "bandit*", "бандит*"),
        Term.Of(TermKind.Unrest, "tear gas", "tear gas", "stun grenade*", "слезоточив*"),
        Term.Of(TermKind.Unrest, "security forces", "security forces", "силовик*", "силовые структуры"),
    ];
}
