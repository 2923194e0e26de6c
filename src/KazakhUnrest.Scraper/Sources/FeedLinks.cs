namespace KazakhUnrest.Scraper.Sources;

internal static class FeedLinks
{
    /// <summary>An absolute http(s) URL from a feed's link text, resolved against the feed URL; null for anything else.</summary>
    public static Uri? Absolute(string? link, Uri? baseUrl)
    {
        link = link?.Trim();
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        // On Unix "/2022/01/news" parses as an absolute file: URI, so only a web scheme counts as absolute here.
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && IsWeb(absolute))
        {
            return absolute;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, link, out var relative) && IsWeb(relative) ? relative : null;
    }

    private static bool IsWeb(Uri uri) => uri.Scheme is "http" or "https";
}
