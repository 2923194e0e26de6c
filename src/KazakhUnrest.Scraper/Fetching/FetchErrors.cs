using System.Net.Http;
using System.Net.Sockets;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>Maps what went wrong below HTTP (timeouts, caps, refused addresses, sockets) to a failed result.</summary>
internal static class FetchErrors
{
    public static FetchResult Classify(Uri requested, Uri current, Exception exception, FetchOptions options)
    {
        var chain = Chain(exception).ToList();
        var (outcome, error) = chain switch
        {
            _ when chain.OfType<AddressRefusedException>().FirstOrDefault() is { } refused => (FetchOutcome.Refused, refused.Message),
            _ when chain.OfType<BodyTooLargeException>().FirstOrDefault() is { } tooLarge => (FetchOutcome.TooLarge, tooLarge.Message),
            _ when chain.Any(e => e is OperationCanceledException or TimeoutException) =>
                (FetchOutcome.Timeout, $"timed out (connect timeout {options.ConnectTimeout.TotalSeconds:0.###} s, total timeout {options.TotalTimeout.TotalSeconds:0.###} s)"),
            _ when chain.OfType<InvalidDataException>().FirstOrDefault() is { } invalid =>
                (FetchOutcome.InvalidContent, $"the body could not be decoded: {invalid.Message}"),
            _ => (FetchOutcome.NetworkError, string.Join(": ", chain.Select(Describe).Distinct())),
        };
        return PoliteFetcher.Failure(requested, current, outcome, $"{error} ({current})");
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        SocketException socket => $"{socket.SocketErrorCode}: {socket.Message}",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"{http.HttpRequestError}: {http.Message}",
        _ => exception.Message,
    };
}
