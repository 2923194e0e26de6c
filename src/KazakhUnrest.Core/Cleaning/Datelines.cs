using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// The place a report was filed from: either a capitals-and-dash opening ("MOSCOW — ...") that stays in
/// the body, or a short place line ("Country, City") printed next to the date line, which is metadata.
/// </summary>
internal static partial class Datelines
{
    public static string? FromOpening(string paragraph) =>
        Opening().Match(paragraph) is { Success: true } match ? match.Groups["place"].Value : null;

    public static bool IsPlaceLine(string line) => PlaceList().IsMatch(line) || CapitalsPlace().IsMatch(line);

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}'.-]{2,}(?:\s\p{Lu}[\p{Lu}'.-]+)*)(?:,\s*\p{Lu}[\p{L}. ]{1,30})?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+)?(?:,\s\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+)?){1,2}$")]
    private static partial Regex PlaceList();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}'-]{2,}(?:\s\p{Lu}[\p{Lu}'-]+)?$")]
    private static partial Regex CapitalsPlace();
}
