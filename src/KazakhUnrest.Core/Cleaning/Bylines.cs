using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>A line that only names the author ("By Jane Roe and John Doe"); the names are kept, the line leaves the body.</summary>
internal static partial class Bylines
{
    public static string? Read(string line) =>
        BylineLine().Match(line) is { Success: true } match ? match.Groups["names"].Value : null;

    [GeneratedRegex(@"^(?:By|Автор:?)\s+(?<names>\p{Lu}[\p{L}.'-]*(?:,?\s+(?:and\s+|и\s+)?\p{Lu}[\p{L}.'-]*){0,5})$")]
    private static partial Regex BylineLine();
}
