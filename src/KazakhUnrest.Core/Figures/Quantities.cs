using System.Globalization;
using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Figures;

/// <summary>A number as printed: a value or range, a vague quantity, its qualifier and its currency if it has one.</summary>
internal sealed record Quantity(int Start, int End, decimal? Low, decimal? High, string? Qualifier, string? Vague, string? Currency);

/// <summary>Reads the numbers of a text: "1,300", "2.5 thousand", "2,5 тыс.", "two", "dozens", "over 4,000", "USD 0.23-28".</summary>
internal static partial class Quantities
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
        ["hundred"] = 100,
        ["a hundred"] = 100,
        ["thousand"] = 1000,
        ["a thousand"] = 1000,
        ["mille"] = 1000,
        ["mil"] = 1000,
        ["tausend"] = 1000,
    };

    /// <summary>Each vague word by its English key, so "десятки" and "dozens" compare equal.</summary>
    private static readonly (Regex Pattern, string Key)[] VagueWords =
    [
        (new(@"^(?:dozens|десятк\w*|dutzende|dizaines|decenas|decine|dozzine)$", RegexOptions.IgnoreCase), "dozens"),
        (new(@"^(?:hundreds|сот(?:ни|ен)|hunderte|centaines|cientos|centenares|centinaia)$", RegexOptions.IgnoreCase), "hundreds"),
        (new(@"^(?:thousands|тысячи|tausende|milliers|miles|migliaia)$", RegexOptions.IgnoreCase), "thousands"),
        (new(@"^scores$", RegexOptions.IgnoreCase), "scores"),
    ];

    private static readonly (Regex Pattern, string Key)[] Qualifiers =
    [
        (new(@"^(?:more\s+than|over|above|in\s+excess\s+of|более|свыше|больше|mehr\s+als|über|plus\s+de|más\s+de|più\s+di|oltre)$", RegexOptions.IgnoreCase), "over"),
        (new(@"^(?:almost|nearly|close\s+to|почти|практически|fast|knapp|beinahe|près\s+de|presque|casi|cerca\s+de|quasi)$", RegexOptions.IgnoreCase), "almost"),
        (new(@"^(?:about|around|approximately|roughly|some|около|порядка|примерно|приблизительно|rund|etwa|ungefähr|environ|quelque|alrededor\s+de|unos|unas|aproximadamente|circa)$", RegexOptions.IgnoreCase), "about"),
        (new(@"^(?:at\s+least|не\s+менее|по\s+меньшей\s+мере|как\s+минимум|mindestens|au\s+moins|al\s+menos|por\s+lo\s+menos|almeno)$", RegexOptions.IgnoreCase), "at least"),
        (new(@"^(?:up\s+to|bis\s+zu|jusqu'à|hasta|fino\s+a)$", RegexOptions.IgnoreCase), "up to"),
    ];

    public static IReadOnlyList<Quantity> Find(string text)
    {
        var found = new List<Quantity>();
        foreach (Match match in Amount().Matches(text))
        {
            var vague = match.Groups["vague"].Success ? VagueKey(match.Groups["vague"].Value) : null;
            decimal? low = null, high = null;
            if (vague is null)
            {
                var multiplier = Multiplier(match.Groups["mult"].Value);
                low = Parse(match.Groups["num"].Value) * multiplier;
                high = match.Groups["num2"].Success ? Upper(match.Groups["num"].Value, match.Groups["num2"].Value) * multiplier : low;
            }
            var currency = Currency(match.Groups["pre"].Success ? match.Groups["pre"].Value : match.Groups["suf"].Value);
            var qualifier = match.Groups["q"].Success ? QualifierKey(match.Groups["q"].Value) : null;
            found.Add(new Quantity(match.Index, match.Index + match.Length, low, high, qualifier, vague, currency));
        }
        return found;
    }

    private static string? VagueKey(string word) => VagueWords.FirstOrDefault(v => v.Pattern.IsMatch(word)).Key;

    private static string? QualifierKey(string words)
    {
        var normal = Regex.Replace(words.Trim(), @"\s+", " ");
        return Qualifiers.FirstOrDefault(q => q.Pattern.IsMatch(normal)).Key;
    }

    private static decimal Multiplier(string word)
    {
        var w = word.Trim().ToLowerInvariant();
        if (w.Length == 0)
        {
            return 1;
        }

        return w.StartsWith("mil", StringComparison.Ordinal) || w.StartsWith("млн", StringComparison.Ordinal) || w.StartsWith("милл", StringComparison.Ordinal)
            ? 1_000_000m
            : 1_000m;
    }

    /// <summary>
    /// "1,300" groups thousands; "2,5" is the Russian decimal comma; "1.300" groups thousands as German, Spanish
    /// and Italian print them (three decimals are no way to count people or price fuel).
    /// </summary>
    private static decimal? Parse(string number)
    {
        if (Words.TryGetValue(Regex.Replace(number, @"\s+", " "), out var word))
        {
            return word;
        }

        var digits = number.Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        digits = ThousandsGrouped().IsMatch(digits) ? digits.Replace(",", "", StringComparison.Ordinal)
            : DotGrouped().IsMatch(digits) ? digits.Replace(".", "", StringComparison.Ordinal)
            : digits.Replace(',', '.');
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>
    /// The upper end of "a-b". A shortened end ("0.23-28") repeats only the decimals that change, so it takes
    /// the lower end's whole part.
    /// </summary>
    private static decimal? Upper(string lowText, string highText)
    {
        var low = Parse(lowText);
        var high = Parse(highText);
        var point = lowText.IndexOfAny(['.', ',']);
        if (low is null || high is null || point < 0 || ThousandsGrouped().IsMatch(lowText) || !highText.All(char.IsDigit))
        {
            return high;
        }

        var decimals = lowText.Length - point - 1;
        if (highText.Length != decimals)
        {
            return high;
        }

        var shortened = decimal.Truncate(low.Value) + high.Value / (decimal)Math.Pow(10, decimals);
        return shortened >= low ? shortened : high;
    }

    private static string? Currency(string symbol) => symbol.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "$" or "usd" or "us$" or "dollar" or "dollars" => "USD",
        "€" or "eur" or "euro" or "euros" => "EUR",
        "₸" or "kzt" or "tenge" or "тенге" or "тг" or "тг." => "tenge",
        var s when s.StartsWith("долл", StringComparison.Ordinal) => "USD",
        var s when s.StartsWith("руб", StringComparison.Ordinal) || s.StartsWith("r", StringComparison.Ordinal) => "RUB",
        _ => null,
    };

    private const string Number = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:\.\d{3})+(?![.,]?\d)|\d{1,3}(?:[\u00A0\u202F]\d{3})+|\d+(?:[.,]\d+)?|(?:a\s+)?(?:hundred|thousand)|mille|mil(?=\s)|tausend|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b";

    private const string Qualifier = @"more\s+than|over|above|in\s+excess\s+of|almost|nearly|close\s+to|about|around|approximately|roughly|some|at\s+least|up\s+to|более|свыше|больше|почти|практически|около|порядка|примерно|приблизительно|не\s+менее|по\s+меньшей\s+мере|как\s+минимум"
        + @"|mehr\s+als|über|mindestens|rund|etwa|ungefähr|fast|knapp|beinahe|bis\s+zu|plus\s+de|au\s+moins|près\s+de|environ|quelque|presque|jusqu'à|más\s+de|al\s+menos|por\s+lo\s+menos|alrededor\s+de|cerca\s+de|casi|unos|unas|aproximadamente|hasta|più\s+di|oltre|almeno|circa|quasi|fino\s+a";

    private const string Prefix = @"US\$|USD|\$|€|EUR|KZT|₸";

    private const string Suffix = @"tenge|тенге|тг\.?|KZT|USD|dollars?|euros?|EUR|долл\w*|руб\w*|rubles?|roubles?";

    [GeneratedRegex(@"(?<![\w.,$€₸])(?:(?<q>" + Qualifier + @")\s+)?(?:(?<vague>dozens|hundreds|thousands|scores|десятк\w*|сотни|сотен|тысячи|dutzende|hunderte|tausende|dizaines|centaines|milliers|decenas|cientos|centenares|miles(?=\s+de\b)|decine|dozzine|centinaia|migliaia)\b|(?:(?<pre>" + Prefix + @")\s?)?(?<num>" + Number + @")(?![\d])(?<mult>\s*(?:thousand|million|тысяч\w*|тыс\.?|млн\.?|миллион\w*)(?!\w))?(?:\s?[-–]\s?(?:" + Prefix + @")?\s?(?<num2>\d+(?:[.,]\d+)?))?(?:\s*(?<suf>" + Suffix + @")(?!\w))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")]
    private static partial Regex ThousandsGrouped();

    [GeneratedRegex(@"^[1-9]\d{0,2}(?:\.\d{3})+$")]
    private static partial Regex DotGrouped();
}
