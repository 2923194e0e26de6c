using System.Net.Http;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>Reads the headers a scheduler cares about: validators, Retry-After and freshness.</summary>
internal static class ResponseHeaders
{
    public static string? ETag(HttpResponseMessage response) => First(response.Headers, "ETag");

    // Kept as the server wrote it: If-Modified-Since should echo the exact string back.
    public static string? LastModified(HttpResponseMessage response) => First(response.Content.Headers, "Last-Modified");

    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? header?.Date - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    public static DateTimeOffset? NextCheck(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge)
        {
            return now + maxAge;
        }

        return response.Content.Headers.Expires is { } expires && expires > now ? expires : null;
    }

    private static string? First(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
