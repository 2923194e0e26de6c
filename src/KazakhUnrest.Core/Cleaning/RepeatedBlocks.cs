namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// Video and gallery pages print the description block twice (teaser and full view). An article never
/// repeats a paragraph word for word, so every later copy of a line is dropped.
/// </summary>
internal static class RepeatedBlocks
{
    public static List<string> KeepOnce(IEnumerable<string> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return lines.Where(line => seen.Add(line)).ToList();
    }
}
