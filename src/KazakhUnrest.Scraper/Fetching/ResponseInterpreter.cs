using System.Net.Http;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>Turns one HTTP response into a <see cref="FetchResult"/> or a redirect target.</summary>
internal static class ResponseInterpreter
{
    public static async Task<Hop> InterpretAsync(Uri requested, Uri current, HttpResponseMessage response, FetchOptions options,
        DateTimeOffset now, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 && status != 304 && response.Headers.Location is { } location)
        {
            return new Hop(null, RedirectTarget(current, location));
        }

        var result = Describe(requested, current, response, now);
        return new Hop(status switch
        {
            304 => result with { Outcome = FetchOutcome.NotModified },
            >= 200 and < 300 => result with { Body = await ReadBodyAsync(response, options, ct) },
            404 => Failed(result, FetchOutcome.NotFound, response),
            410 => Failed(result, FetchOutcome.Gone, response),
            429 or 503 => RetryLater(result, response, now),
            _ => Failed(result, FetchOutcome.HttpError, response),
        });
    }

    private static FetchResult Describe(Uri requested, Uri current, HttpResponseMessage response, DateTimeOffset now) => new()
    {
        RequestedUrl = requested,
        FinalUrl = current,
        Outcome = FetchOutcome.Ok,
        StatusCode = (int)response.StatusCode,
        ContentType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant(),
        Charset = response.Content.Headers.ContentType?.CharSet,
        ETag = ResponseHeaders.ETag(response),
        LastModified = ResponseHeaders.LastModified(response),
        SuggestedNextCheck = ResponseHeaders.NextCheck(response, now),
    };

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, FetchOptions options, CancellationToken ct)
    {
        // Content-Length is trusted only to refuse early; the read below enforces the cap whatever it says.
        if (response.Content.Headers.ContentLength > options.MaxBodyBytes)
        {
            throw new BodyTooLargeException(
                $"the response body announces {response.Content.Headers.ContentLength:N0} bytes, over the {options.MaxBodyBytes:N0}-byte limit");
        }

        var raw = await response.Content.ReadAsStreamAsync(ct);
        return await BodyReader.ReadAsync(raw, response.Content.Headers.ContentEncoding, options.MaxBodyBytes,
            options.MaxDecompressedBytes, ct);
    }

    private static FetchResult RetryLater(FetchResult result, HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = ResponseHeaders.RetryAfter(response, now);
        var when = retryAfter is { } wait ? $"; retry after {wait.TotalSeconds:0} s" : "; no Retry-After given";
        return Failed(result, FetchOutcome.RetryLater, response, when) with { RetryAfter = retryAfter };
    }

    private static FetchResult Failed(FetchResult result, FetchOutcome outcome, HttpResponseMessage response, string detail = "") =>
        result with
        {
            Outcome = outcome,
            Error = $"HTTP {(int)response.StatusCode} {ReasonPhrase(response)} from {result.FinalUrl}{detail}",
        };

    private static string ReasonPhrase(HttpResponseMessage response) =>
        string.IsNullOrEmpty(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;

    private static Uri RedirectTarget(Uri current, Uri location)
    {
        var target = location.IsAbsoluteUri ? location : new Uri(current, location);
        // The fragment never reaches the server, so it must not make a loop look like progress.
        return new UriBuilder(target) { Fragment = string.Empty }.Uri;
    }
}
