namespace KazakhUnrest.Core.Dates;

/// <summary>
/// Month names in the languages dates are read in: English, German, French and Russian (genitive and nominative),
/// and the English and German abbreviations. One table for the HTML extractor's dates, the plain-text cleaner's
/// date lines and the date resolver.
/// </summary>
internal static class MonthNames
{
    /// <summary>Each language's twelve names, January first; where two languages spell a month alike ("april", "mai") the first keeps it.</summary>
    private static readonly string[][] Languages =
    [
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
        ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        ["jän", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"],
    ];

    private static readonly Dictionary<string, int> ByName = Build();

    /// <summary>
    /// English month names and abbreviations as printed (capitalised) and Russian ones in the genitive, as a regular
    /// expression with the group "month"; what it matches, <see cref="Number"/> reads.
    /// </summary>
    public const string PrintedPattern =
        @"(?<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)";

    /// <summary>
    /// Any word that may be a month name in one of the table's languages and alphabets, as a regular expression with
    /// the group "mn"; <see cref="Number"/> decides whether it is one.
    /// </summary>
    public const string WordPattern = @"(?<mn>[A-Za-zÄäÖöÜüéûА-Яа-яЁё]{3,9}\.?)";

    /// <summary>
    /// The month (1 to 12) a name or abbreviation stands for, in any case, with or without a closing dot; failing that,
    /// the month its first three letters name ("Sept." and "Dezemb" are read, "Mayor" is May); 0 when neither is a month.
    /// </summary>
    public static int Number(string name)
    {
        var key = name.ToLowerInvariant().TrimEnd('.');
        return ByName.TryGetValue(key, out var month) ? month : ByName.TryGetValue(key[..Math.Min(3, key.Length)], out month) ? month : 0;
    }

    private static Dictionary<string, int> Build()
    {
        var months = new Dictionary<string, int>();
        foreach (var language in Languages)
        {
            for (var i = 0; i < 12; i++)
            {
                months.TryAdd(language[i], i + 1);
            }
        }
        return months;
    }
}
