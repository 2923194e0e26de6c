using System.Globalization;
using System.Text;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>
/// An outlet's house style: its spelling of names (Nur-Sultan or Nursultan, Mangystau or Mangistau), its date
/// and number formats and its stock phrases. Applied to everything the outlet writes itself, so two outlets
/// reporting the same facts with the same template still differ every few words, as real reports do.
/// </summary>
public sealed class HouseStyle
{
    private static readonly (string From, string[] To)[] Choices =
    [
        ("Nur-Sultan", ["Nur-Sultan", "Nursultan", "Astana"]),
        ("Mangystau", ["Mangystau", "Mangistau", "Mangghystau"]),
        ("Zhanaozen", ["Zhanaozen", "Zhanaozen", "Janaozen"]),
        ("Uralsk", ["Uralsk", "Oral"]),
        ("Collective Security Treaty Organization", ["Collective Security Treaty Organization", "Collective Security Treaty Organisation"]),
        ("Kassym-Jomart Tokayev", ["Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev", "Tokayev"]),
        ("President Tokayev", ["President Tokayev", "Tokayev", "the president"]),
        (" said", [" said", " stated", " noted"]),
        (" according to ", [" according to ", " citing ", " in the words of "]),
        (" more than ", [" more than ", " over "]),
        (" about ", [" about ", " around ", " some "]),
        (" people", [" people", " persons", " individuals"]),
        (" percent", [" percent", " per cent", "%"]),
        (" the authorities", [" the authorities", " officials", " the government"]),
        (" several ", [" several ", " a number of ", " some "]),
        (" also ", [" also ", " ", " further "]),
        (" after ", [" after ", " following "]),
        (" on Monday", [" on Monday", " Monday"]),
        (" on Tuesday", [" on Tuesday", " Tuesday"]),
        (" on Wednesday", [" on Wednesday", " Wednesday"]),
        (" on Thursday", [" on Thursday", " Thursday"]),
        (" on Friday", [" on Friday", " Friday"]),
        (" on Saturday", [" on Saturday", " Saturday"]),
        (" on Sunday", [" on Sunday", " Sunday"]),
        (" city", [" city", " town"]),
        (" ministry", [" ministry", " Ministry"]),
        (" was ", [" was ", " had been "]),
    ];

    private readonly (string From, string To)[] _replacements;
    private readonly string _dateFormat;
    private readonly string _thousands;

    private HouseStyle((string, string)[] replacements, string dateFormat, string thousands) =>
        (_replacements, _dateFormat, _thousands) = (replacements, dateFormat, thousands);

    public static HouseStyle Draw(Random random)
    {
        var _replacements = Choices
            .Select(c => (c.From, To: c.To[random.Next(c.To.Length)]))
            .Where(r => r.From != r.To)
            .ToArray();
        return new HouseStyle(_replacements, StoryFacts.Pick(random, new[] { "d MMMM", "MMMM d", "MMM. d", "d MMM" }),
            StoryFacts.Pick(random, new[] { ",", "", " " }));
    }

    public string Date(DateOnly day) => day.ToString(_dateFormat, CultureInfo.InvariantCulture);

    public string Apply(string text)
    {
        var builder = new StringBuilder(text);
        foreach (var (from, to) in _replacements)
        {
            builder.Replace(from, to);
        }

        return _thousands == "," ? builder.ToString() : Thousands(builder.ToString());
    }

    private string Thousands(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var isSeparator = text[i] == ',' && i > 0 && char.IsDigit(text[i - 1]) && IsThreeDigits(text, i + 1);
            builder.Append(isSeparator ? _thousands : text[i].ToString());
        }

        return builder.ToString();
    }

    private static bool IsThreeDigits(string text, int start) =>
        start + 3 <= text.Length && char.IsDigit(text[start]) && char.IsDigit(text[start + 1]) && char.IsDigit(text[start + 2])
        && (start + 3 == text.Length || !char.IsDigit(text[start + 3]));
}
