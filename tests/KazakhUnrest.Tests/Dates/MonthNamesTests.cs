using System.Text.RegularExpressions;
using KazakhUnrest.Core.Dates;

namespace KazakhUnrest.Tests.Dates;

/// <summary>
/// The cleaner and the date resolver used to read months from their own table (the first three letters, English and
/// Russian) and the HTML extractor from another; these pin that the shared table reads every name each of them read
/// exactly as before.
/// </summary>
public sealed class MonthNamesTests
{
    /// <summary>The cleaner's former table, keyed on the first three letters in any case.</summary>
    private static readonly Dictionary<string, int> FormerPrintedTable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
        ["янв"] = 1,
        ["фев"] = 2,
        ["мар"] = 3,
        ["апр"] = 4,
        ["мая"] = 5,
        ["июн"] = 6,
        ["июл"] = 7,
        ["авг"] = 8,
        ["сен"] = 9,
        ["окт"] = 10,
        ["ноя"] = 11,
        ["дек"] = 12,
    };

    /// <summary>Every alternative of <see cref="MonthNames.PrintedPattern"/>.</summary>
    private static readonly string[] Printed =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ];

    public static TheoryData<string> PrintedNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Printed)
        {
            // The cleaner's date lines are matched ignoring case, so any casing reaches the lookup.
            foreach (var variant in new[] { name, name.ToUpperInvariant(), name.ToLowerInvariant() }.Distinct())
            {
                data.Add(variant);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PrintedNames))]
    public void Printed_names_are_read_as_the_cleaner_and_the_resolver_read_them(string name)
    {
        Assert.Matches(new Regex("^" + MonthNames.PrintedPattern + "$", RegexOptions.IgnoreCase), name);
        Assert.Equal(FormerPrintedTable[name[..3]], MonthNames.Number(name));
    }

    [Theory]
    [InlineData("january february march april may june july august september october november december")]
    [InlineData("januar februar märz april mai juni juli august september oktober november dezember")]
    [InlineData("janvier février mars avril mai juin juillet août septembre octobre novembre décembre")]
    [InlineData("января февраля марта апреля мая июня июля августа сентября октября ноября декабря")]
    [InlineData("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь")]
    [InlineData("jan feb mar apr may jun jul aug sep oct nov dec")]
    [InlineData("jän feb mär apr mai jun jul aug sept okt nov dez")]
    public void Every_language_of_the_extractor_is_read(string januaryToDecember)
    {
        var names = januaryToDecember.Split(' ');
        Assert.Equal(Enumerable.Range(1, 12), names.Select(MonthNames.Number));
        Assert.Equal(Enumerable.Range(1, 12), names.Select(name => MonthNames.Number(char.ToUpperInvariant(name[0]) + name[1..] + ".")));
    }

    [Theory]
    [InlineData("Dezemb", 12)]
    [InlineData("Januari", 1)]
    [InlineData("Mayor", 5)]
    [InlineData("Monday", 0)]
    [InlineData("ab", 0)]
    // The cleaner's three-letter Russian keys were never names the extractor read: "янв." stays unread there.
    [InlineData("янв.", 0)]
    [InlineData("сент.", 0)]
    public void Other_words_are_read_by_their_first_three_letters_as_the_extractor_read_them(string word, int month) =>
        Assert.Equal(month, MonthNames.Number(word));
}
