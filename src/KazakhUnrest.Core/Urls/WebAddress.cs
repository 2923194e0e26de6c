namespace KazakhUnrest.Core.Urls;

/// <summary>
/// The one test of "is this a web address", for what is stored as a link (outlet homepages, source locations) and what
/// the site renders as one: anything else (javascript:, data:, vbscript:, file:) would run or open something in a
/// reader's browser instead of leading to a page.
/// </summary>
public static class WebAddress
{
    public static bool Is(Uri url) => url.IsAbsoluteUri && url.Scheme is "http" or "https" && url.Host.Length > 0;

    public static bool TryParse(string? text, out Uri url)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && Is(parsed))
        {
            url = parsed;
            return true;
        }

        url = null!;
        return false;
    }
}
