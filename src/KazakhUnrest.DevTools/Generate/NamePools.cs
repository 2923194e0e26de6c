namespace KazakhUnrest.DevTools.Generate;

/// <summary>Pools the generator draws people, places and organisations from. Combined per story, they give
/// thousands of distinct particulars, while the famous names recur in every story as they did in the news.</summary>
public static class NamePools
{
    public static readonly string[] MaleFirst =
        ["Nurlan", "Yerlan", "Askar", "Daulet", "Marat", "Bolat", "Serik", "Arman", "Timur", "Kairat", "Aidos", "Yerzhan",
         "Murat", "Dauren", "Azamat", "Ruslan", "Talgat", "Berik", "Almas", "Zhandos", "Nurbol", "Olzhas", "Sanzhar",
         "Galym", "Erbol", "Dmitry", "Sergei", "Alexei", "Viktor", "Igor", "Rustam", "Baurzhan", "Madi", "Aslan", "Dias"];

    public static readonly string[] FemaleFirst =
        ["Aigerim", "Dana", "Saule", "Gulnara", "Aliya", "Zhanar", "Madina", "Asel", "Aizhan", "Dinara", "Kamila", "Ainur",
         "Gaukhar", "Botagoz", "Meruert", "Akmaral", "Zarina", "Laura", "Elena", "Olga", "Natalya", "Raushan", "Symbat",
         "Togzhan", "Aruzhan", "Moldir", "Bibigul", "Nazgul", "Sholpan", "Anel"];

    public static readonly string[] Surnames =
        ["Abenov", "Seitkali", "Zhaksylykov", "Omarov", "Akhmetov", "Baimukhanov", "Tulegenov", "Iskakov", "Dzhaksybekov",
         "Kassymov", "Nurpeisov", "Sarsenbayev", "Utemisov", "Yesenov", "Mukanov", "Bekturov", "Kaliyev", "Shaikenov",
         "Zhumabayev", "Alimbetov", "Serikbayev", "Temirkhanov", "Dosmagambetov", "Kuanyshev", "Ibrayev", "Sultanov",
         "Abdrakhmanov", "Yergaliyev", "Myrzakhmetov", "Tokhtarov", "Kemelbekov", "Orazbayev", "Rakhimov", "Sadykov",
         "Kuznetsov", "Petrov", "Volkov", "Sokolov", "Ivanenko", "Balgabayev", "Nauryzbayev", "Kenzhebekov", "Amanov",
         "Baigaliyev", "Yeszhanov", "Zhunusov", "Tasmagambetov", "Kulibayev", "Smagulov", "Beisenov"];

    public static readonly string[] Roles =
        ["the deputy akim of {city}", "the {city} police spokesman", "the regional prosecutor", "a spokesman for the interior ministry",
         "the head of the {city} police department", "the akim of {city}", "a deputy health minister", "the regional health chief",
         "a member of the Mazhilis", "an adviser to the president", "a spokeswoman for the prosecutor general's office",
         "the head of the regional emergency committee", "a deputy defence minister", "the mayor's press secretary",
         "a senior KNB officer", "the deputy energy minister", "an analyst at the Almaty Institute", "the commander of the local garrison",
         "the chairman of the regional maslikhat", "a lawyer for several detainees"];

    public static readonly string[] StreetNames =
        ["Abay", "Tole Bi", "Zheltoksan", "Furmanov", "Dostyk", "Satpayev", "Raiymbek", "Zhibek Zholy", "Al-Farabi", "Tlendiyev",
         "Kabanbay Batyr", "Bogenbay Batyr", "Nauryzbay Batyr", "Baitursynov", "Seifullin", "Auezov", "Gagarin", "Timiryazev",
         "Rozybakiev", "Makataev", "Zhandosov", "Gogol", "Pushkin", "Kunayev", "Amangeldy", "Tauelsizdik", "Mangilik El",
         "Kenesary", "Turan", "Syganak", "Abylai Khan", "Kazybek Bi", "Aiteke Bi", "Baizakov", "Shevchenko", "Zhambyl"];

    public static readonly string[] Districts =
        ["Almaly", "Auezov", "Bostandyk", "Medeu", "Alatau", "Zhetysu", "Turksib", "Nauryzbay", "Saryarka", "Yesil", "Baikonur",
         "Karasay", "Shanyrak", "Aksai", "Samal", "Orbita", "Mamyr", "Kalkaman", "Zhuldyz", "Kokzhiek", "Tastak", "Koktem"];

    public static readonly string[] Squares = ["Republic", "Astana", "Independence", "Yntymak", "Abay", "Victory", "Friendship", "Old", "Central", "Station"];

    public static readonly string[] Buildings =
        ["the city akimat", "the prosecutor's office", "the regional police headquarters", "the KNB building", "the Nur Otan party office",
         "the presidential residence", "the central mosque", "the Kazakhtelecom office", "the television centre", "the city court",
         "the Halyk Bank branch", "the regional administration", "the military enlistment office", "the bus station", "the main post office",
         "the railway station", "the Ramstore shopping centre", "the detention centre", "the city hospital", "the Kazpost depot"];

    public static readonly string[] Organisations =
        ["Human Rights Watch", "Amnesty International", "the Kazakhstan International Bureau for Human Rights", "Freedom House",
         "the OSCE Office for Democratic Institutions", "the Committee to Protect Journalists", "Reporters Without Borders",
         "the UN human rights office", "the Norwegian Helsinki Committee", "the coalition Kazakhstan Without Torture"];

    public static readonly string[] Companies =
        ["Tengizchevroil", "KazMunayGas", "Kazatomprom", "Karachaganak Petroleum", "North Caspian Operating Company", "Ozenmunaigas",
         "Mangistaumunaigaz", "Embamunaigas", "Kazakhmys", "ArcelorMittal Temirtau", "Halyk Bank", "Kaspi.kz", "Air Astana", "Kazakhtelecom"];

    public static readonly (string Country, string Leader)[] Countries =
        [("Russia", "President Vladimir Putin"), ("China", "President Xi Jinping"), ("The United States", "Secretary of State Antony Blinken"),
         ("The European Union", "EU foreign policy chief Josep Borrell"), ("Turkey", "President Recep Tayyip Erdogan"),
         ("Uzbekistan", "President Shavkat Mirziyoyev"), ("Kyrgyzstan", "President Sadyr Japarov"), ("Germany", "Foreign Minister Annalena Baerbock"),
         ("France", "President Emmanuel Macron"), ("The United Kingdom", "Foreign Secretary Liz Truss"), ("Belarus", "President Alexander Lukashenko"),
         ("The United Nations", "Secretary-General Antonio Guterres"), ("Ukraine", "Foreign Minister Dmytro Kuleba"), ("Iran", "President Ebrahim Raisi")];

    public static readonly Dictionary<string, string> Regions = new()
    {
        ["Zhanaozen"] = "Mangystau",
        ["Aktau"] = "Mangystau",
        ["Atyrau"] = "Atyrau region",
        ["Uralsk"] = "West Kazakhstan",
        ["Aktobe"] = "Aktobe region",
        ["Kyzylorda"] = "Kyzylorda region",
        ["Almaty"] = "Almaty region",
        ["Nur-Sultan"] = "Akmola region",
        ["Shymkent"] = "Turkestan region",
        ["Taraz"] = "Zhambyl region",
        ["Taldykorgan"] = "Almaty region",
        ["Karaganda"] = "Karaganda region",
    };
}
