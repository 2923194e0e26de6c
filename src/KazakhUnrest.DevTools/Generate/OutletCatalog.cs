using KazakhUnrest.Core.Text;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>About three hundred outlets of every kind and many countries, drawn from name parts.</summary>
public static class OutletCatalog
{
    private static readonly (string Kind, int Count, string[] Countries)[] Mix =
    [
        ("wire_agency", 14, ["KZ", "RU", "US", "GB", "FR", "DE", "CN", "TR"]),
        ("state_owned", 40, ["KZ", "KZ", "KZ", "RU", "RU", "CN", "BY", "UZ"]),
        ("state_affiliated", 36, ["KZ", "KZ", "RU", "RU", "KG", "TJ"]),
        ("public_broadcaster", 26, ["GB", "DE", "FR", "US", "NL", "SE", "JP", "KZ", "CH", "AU"]),
        ("independent", 104, ["KZ", "KZ", "KZ", "RU", "US", "GB", "DE", "KG", "UA", "UZ", "IN", "FR", "PL", "IT"]),
        ("exile", 22, ["LV", "LT", "UA", "DE", "GB", "US", "CZ"]),
        ("aggregator", 36, ["KZ", "RU", "US", "GB", "IN", "DE", "SG"]),
        ("blog", 26, ["KZ", "US", "GB", "RU", "DE", "UA"]),
    ];

    private static readonly Dictionary<string, (string[] First, string[] Second)> Parts = new()
    {
        ["wire_agency"] = (["Kazinform", "Interfax", "Trend", "Central Asia", "Steppe", "Eurasia", "Caspian", "Global", "Continental", "Orient", "Meridian", "Atlas"],
            ["Agency", "Wire", "Press", "News Agency", "Newswire", "Telegraph"]),
        ["state_owned"] = (["Kazakhstanskaya", "Yegemen", "Khabar", "Qazaq", "Astana", "Rossiya", "Xinhua", "Belta", "Dunyo", "Sovereign", "National", "Republic"],
            ["Pravda", "Gazeta", "TV", "Radio", "Herald", "Tribune", "Daily", "Bulletin"]),
        ["state_affiliated"] = (["Atameken", "Orda", "Baiterek", "Sputnik", "Altyn", "Zhibek", "Nomad", "Tengri", "Zhuldyz", "Kokshe"],
            ["24", "Info", "Today", "Media", "Online", "Channel", "News"]),
        ["public_broadcaster"] = (["Public", "Nordic", "Alpine", "Channel", "Federal", "Commonwealth", "Pacific", "Lowlands"],
            ["Broadcasting", "World Service", "Radio", "Television", "International"]),
        ["independent"] = (["Vlast", "Kursiv", "Steppe", "Ulysmedia", "Bishkek", "Tashkent", "Metro", "Harbour", "Evening", "Prairie", "Baltic", "Riverside", "Northern", "Silk Road", "Open", "Frontier"],
            ["Times", "Post", "Observer", "Review", "Chronicle", "Journal", "Gazette", "Dispatch", "Report", "Standard", "Monitor", "Express"]),
        ["exile"] = (["Free", "Azat", "Exile", "Respublika", "Liberty", "Open Asia", "Independent", "Ak Zhol"],
            ["Voice", "Kazakhstan", "Media", "Asia", "Herald", "Forum"]),
        ["aggregator"] = (["News", "Daily", "Top", "Live", "World", "Quick", "All", "Feed"],
            ["Hub", "Digest", "Wire", "Roundup", "Stream", "Now", "Pulse"]),
        ["blog"] = (["Central Asia", "Steppe", "Eurasianet", "Silk", "Nomad", "Great Game", "Caspian"],
            ["Notes", "Watch", "Blog", "Letters", "Diary", "Insider"]),
    };

    public static List<GeneratedOutlet> Create(Random random)
    {
        var outlets = new List<GeneratedOutlet>();
        var slugs = new HashSet<string>();
        foreach (var (kind, count, countries) in Mix)
        {
            var (first, second) = Parts[kind];
            for (var made = 0; made < count;)
            {
                var name = $"{StoryFacts.Pick(random, first)} {StoryFacts.Pick(random, second)}";
                var country = StoryFacts.Pick(random, countries);
                var slug = Slugs.From(name) + (slugs.Contains(Slugs.From(name)) ? "-" + country.ToLowerInvariant() : "");
                if (!slugs.Add(slug))
                {
                    continue;
                }

                outlets.Add(new GeneratedOutlet(slug, name, kind, country, random.Next(3) == 0, random.Next(4) == 0, random.Next(2) == 0, HouseStyle.Draw(random)));
                made++;
            }
        }

        return outlets;
    }

}
