namespace KazakhUnrest.Core.Relevance;

/// <summary>
/// Words that tie a text to Kazakhstan: the country and its adjectives, its cities and regions, and the
/// people and bodies that acted in the unrest. Reports often name only a city or an actor ("troops landed
/// in Almaty", "the CSTO said"), so each of these anchors a text as firmly as the country's name.
/// </summary>
internal static class KazakhstanTerms
{
    public const string CountryLabel = "Kazakhstan";

    public static readonly IReadOnlyList<Term> All =
    [
        Term.Of(TermKind.Country, CountryLabel,
            "Kazakh*", "Qazaq*", "Казахстан*", "казах*", "Қазақстан*", "қазақ*"),

        Term.Of(TermKind.Place, "Almaty", "Almaty", "Alma Ata", "Алматы", "Алма Ата*"),
        Term.Of(TermKind.Place, "Nur-Sultan", "Nur Sultan", "Nursultan", "Нур Султан*", "Нұр Сұлтан*"),
        Term.Of(TermKind.Place, "Astana", "Astana", "Астан*"),
        Term.Of(TermKind.Place, "Zhanaozen", "Zhanaozen", "Janaozen", "Жанаозен*", "Жаңаөзен*"),
        Term.Of(TermKind.Place, "Mangystau", "Mangystau", "Mangistau", "Mangyshlak", "Мангистау*", "Маңғыстау*", "Мангышлак*"),
        Term.Of(TermKind.Place, "Aktau", "Aktau", "Актау", "Ақтау"),
        Term.Of(TermKind.Place, "Aktobe", "Aktobe", "Актобе", "Ақтөбе"),
        Term.Of(TermKind.Place, "Shymkent", "Shymkent", "Chimkent", "Шымкент*"),
        Term.Of(TermKind.Place, "Taraz", "Taraz", "Тараз*"),
        Term.Of(TermKind.Place, "Taldykorgan", "Taldykorgan", "Талдыкорган*", "Талдықорған*"),
        Term.Of(TermKind.Place, "Kyzylorda", "Kyzylorda", "Кызылорд*", "Қызылорд*"),
        Term.Of(TermKind.Place, "Atyrau", "Atyrau", "Атырау"),
        Term.Of(TermKind.Place, "Karaganda", "Karaganda", "Karagandy", "Қарағанды", "Караганд*"),
        Term.Of(TermKind.Place, "Uralsk", "Uralsk", "Oral", "Уральск*", "Орал"),
        Term.Of(TermKind.Place, "Akmola", "Akmola", "Акмол*", "Ақмол*"),
        Term.Of(TermKind.Place, "Kostanay", "Kostanay", "Qostanay", "Костанай*", "Қостанай*"),
        Term.Of(TermKind.Place, "Pavlodar", "Pavlodar", "Павлодар*"),
        Term.Of(TermKind.Place, "Semey", "Semey", "Semipalatinsk", "Семей", "Семипалатинск*"),
        Term.Of(TermKind.Place, "Petropavl", "Petropavl", "Petropavlovsk", "Петропавл*"),
        Term.Of(TermKind.Place, "Oskemen", "Oskemen", "Ust-Kamenogorsk", "Өскемен", "Усть Каменогорск*"),
        Term.Of(TermKind.Place, "Turkistan", "Turkistan", "Turkestan", "Туркестан*", "Түркістан*"),
        Term.Of(TermKind.Place, "Kokshetau", "Kokshetau", "Кокшетау", "Көкшетау"),
        Term.Of(TermKind.Place, "Ekibastuz", "Ekibastuz", "Экибастуз*"),

        Term.Of(TermKind.Actor, "Tokayev", "Tokayev*", "Tokaev*", "Токаев*", "Тоқаев*"),
        Term.Of(TermKind.Actor, "Nazarbayev", "Nazarbayev*", "Nazarbaev*", "Назарбаев*"),
        Term.Of(TermKind.Actor, "Massimov", "Massimov*", "Masimov*", "Масимов*", "Мәсімов*"),
        Term.Of(TermKind.Actor, "Smailov", "Smailov*", "Смаилов*", "Смайлов*"),
        Term.Of(TermKind.Actor, "Mamin", "Mamin"),
        Term.Of(TermKind.Actor, "Tileuberdi", "Tileuberdi", "Тлеуберди"),
        Term.Of(TermKind.Actor, "KNB", "KNB", "КНБ", "ҰҚК"),
        Term.Of(TermKind.Actor, "Nur Otan", "Nur Otan", "Нур Отан", "Нұр Отан"),
        Term.Of(TermKind.Actor, "CSTO",
            "CSTO", "ОДКБ", "ҰҚШҰ", "Collective Security Treaty Organi*",
            "Организаци* Договора о коллективной безопасности",
            "Russian led military alliance", "Russian led alliance", "Russian led security alliance",
            "Russian led bloc", "Russian led troops", "Russian led force*"),
    ];
}
