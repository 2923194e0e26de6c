using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// Aggregators glue re-posted articles together and close each with a link back to the original
/// ("View Source", "Read the full article"). Those closing lines are where one article ends in a plain-text
/// capture; an HTML page is split by its blocks in <see cref="Extraction.HtmlDigestSegments"/>.
/// </summary>
internal static partial class TextDigestSegments
{
    public static List<List<string>> Split(IReadOnlyList<string> lines)
    {
        var segments = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (IsSourceLink(line))
            {
                segments.Add([]);
            }
            else
            {
                segments[^1].Add(line);
            }
        }
        return segments;
    }

    public static bool IsSourceLink(string line) => SourceLink().IsMatch(line);

    [GeneratedRegex(@"^(view (the )?(source|original)|original (source|article)|source|read (the )?(original|full) (article|story|report)|read more at \S.{0,60}|source: .{1,60})$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLink();
}
