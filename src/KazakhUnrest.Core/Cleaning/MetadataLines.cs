namespace KazakhUnrest.Core.Cleaning;

/// <summary>The lines left once date lines (and the place line printed beside them) and byline lines are taken out as metadata.</summary>
internal sealed record Metadata(
    IReadOnlyList<string> Lines, DateTimeOffset? Published, DateTimeOffset? Modified, string? Byline, string? Place);

/// <summary>
/// Date lines can stand anywhere: above the body, or below a repeated block on video pages. The first
/// publication date wins; a place line right before or after a date line is the dateline.
/// </summary>
internal static class MetadataLines
{
    public static Metadata Take(IReadOnlyList<string> lines)
    {
        var kept = new List<string>();
        var found = new Metadata([], null, null, null, null);
        for (var i = 0; i < lines.Count; i++)
        {
            if (Bylines.Read(lines[i]) is { } byline)
            {
                found = found with { Byline = found.Byline ?? byline };
                continue;
            }
            if (Dates.ParseDateLine(lines[i]) is not { } dateLine)
            {
                kept.Add(lines[i]);
                continue;
            }
            found = WithDate(found, dateLine);
            if (kept.Count > 0 && Datelines.IsPlaceLine(kept[^1]))
            {
                found = found with { Place = found.Place ?? kept[^1] };
                kept.RemoveAt(kept.Count - 1);
            }
            else if (i + 1 < lines.Count && Datelines.IsPlaceLine(lines[i + 1]))
            {
                found = found with { Place = found.Place ?? lines[++i] };
            }
        }
        return found with { Lines = kept };
    }

    private static Metadata WithDate(Metadata found, DateLine dateLine) => found with
    {
        Published = dateLine.IsUpdate ? found.Published : found.Published ?? dateLine.Value,
        Modified = dateLine.IsUpdate ? found.Modified ?? dateLine.Value : found.Modified,
        Byline = found.Byline ?? dateLine.Byline,
    };
}
