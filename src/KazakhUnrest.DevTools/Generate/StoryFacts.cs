using System.Globalization;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>The particulars of one story: who, where and how many. Every outlet covering it tells some of them.</summary>
public sealed class StoryFacts
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public required Dictionary<string, string> Slots { get; init; }

    public required DateOnly Day { get; init; }

    public static StoryFacts Draw(Random random, StoryKind kind, DateOnly day)
    {
        var city = Pick(random, kind.Cities);
        var (country, leader) = Pick(random, NamePools.Countries);
        var slots = new Dictionary<string, string>
        {
            ["city"] = city,
            ["city2"] = Pick(random, NamePools.Regions.Keys.Where(c => c != city).ToArray()),
            ["region"] = NamePools.Regions.GetValueOrDefault(city, "the region"),
            ["street"] = Pick(random, NamePools.StreetNames) + " Street",
            ["building"] = Pick(random, NamePools.Buildings),
            ["person"] = Person(random, random.Next(3) == 0),
            ["witness"] = Person(random, female: true),
            ["defendant"] = Person(random, female: false),
            ["org"] = Pick(random, NamePools.Organisations),
            ["company"] = Pick(random, NamePools.Companies),
            ["country"] = country,
            ["leader"] = leader,
            ["hour"] = $"{random.Next(6, 12)} pm",
            ["n1"] = random.Next(3, 60).ToString(En),
            ["n2"] = random.Next(20, 990).ToString(En),
            ["n3"] = random.Next(100, 12000).ToString("N0", En),
            ["n4"] = (random.Next(10, 60) * 50).ToString("N0", En),
            ["n5"] = random.Next(2, 9).ToString(En),
            ["n6"] = random.Next(40, 240).ToString(En),
            ["n7"] = random.Next(2, 30).ToString(En),
            ["n8"] = random.Next(9, 16).ToString(En),
            ["weekday"] = "on " + day.DayOfWeek,
            ["date"] = day.Day.ToString(En) + " " + day.ToString("MMMM", En),
        };
        slots["site"] = Site(random, slots["city"]);
        var role = Pick(random, NamePools.Roles).Replace("{city}", city, StringComparison.Ordinal);
        slots["role"] = role;
        slots["role_cap"] = char.ToUpperInvariant(role[0]) + role[1..];
        return new StoryFacts { Slots = slots, Day = day };
    }

    private static string Site(Random random, string city) => random.Next(3) switch
    {
        0 => Pick(random, NamePools.Squares) + " Square",
        1 => $"the corner of {Pick(random, NamePools.StreetNames)} and {Pick(random, NamePools.StreetNames)} streets",
        _ => $"the {Pick(random, NamePools.Districts)} district of {city}",
    };

    private static string Person(Random random, bool female)
    {
        var first = Pick(random, female ? NamePools.FemaleFirst : NamePools.MaleFirst);
        var last = Pick(random, NamePools.Surnames);
        return female ? $"{first} {Feminine(last)}" : $"{first} {last}";
    }

    private static string Feminine(string surname) =>
        surname.EndsWith("ov", StringComparison.Ordinal) || surname.EndsWith("ev", StringComparison.Ordinal) || surname.EndsWith("in", StringComparison.Ordinal)
            ? surname + "a"
            : surname;

    public static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
