using System.Globalization;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Figures;

namespace KazakhUnrest.Tests.Figures;

/// <summary>Compares the gold file's values ("over 1,300", "dozens", "60 -> 120 tenge", "about USD 0.12 -> USD 0.23-0.28") with figures.</summary>
internal static partial class GoldValue
{
    public static bool Matches(string gold, IReadOnlyList<Figure> figures)
    {
        var parts = gold.Split("->", StringSplitOptions.TrimEntries);
        if (parts.Length == 2)
        {
            return figures.Any(f => f.Change == "from" && One(parts[0], f))
                && figures.Any(f => f.Change == "to" && One(parts[1], f));
        }
        return figures.Any(f => One(gold, f));
    }

    private static bool One(string gold, Figure figure)
    {
        var match = Value().Match(gold);
        if (!match.Success)
        {
            return false;
        }

        if (match.Groups["vague"].Success)
        {
            return figure.Vague == match.Groups["vague"].Value && figure.Low is null;
        }

        var low = decimal.Parse(match.Groups["low"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var high = match.Groups["high"].Success ? decimal.Parse(match.Groups["high"].Value, CultureInfo.InvariantCulture) : low;
        var qualifier = match.Groups["q"].Success ? match.Groups["q"].Value : null;
        var unit = match.Groups["pre"].Success ? match.Groups["pre"].Value : match.Groups["suf"].Success ? match.Groups["suf"].Value : null;
        return figure.Low == low && figure.High == high && figure.Qualifier == qualifier && (unit is null || figure.Unit == unit);
    }

    [GeneratedRegex(@"^(?:(?<q>over|almost|about|at least|up to)\s+)?(?:(?<vague>dozens|hundreds|thousands|scores)|(?:(?<pre>USD|EUR)\s+)?(?<low>[\d,]+(?:\.\d+)?)(?:-(?<high>\d+(?:\.\d+)?))?(?:\s+(?<suf>tenge))?)$")]
    private static partial Regex Value();
}
