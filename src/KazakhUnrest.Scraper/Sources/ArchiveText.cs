namespace KazakhUnrest.Scraper.Sources;

internal static class ArchiveText
{
    /// <summary>The start of an unexpected answer, short enough for an error message and the status page.</summary>
    public static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
