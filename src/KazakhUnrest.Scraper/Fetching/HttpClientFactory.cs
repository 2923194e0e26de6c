using System.Net;
using System.Net.Http;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>The one HttpClient behind <see cref="PoliteFetcher"/>.</summary>
internal static class HttpClientFactory
{
    public static HttpClient Create(FetchOptions options, AddressPolicy policy)
    {
        var handler = new SocketsHttpHandler
        {
            // Redirects, decompression and timeouts are ours: each needs a check the handler cannot do.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            // Through a proxy the connect callback would vet the proxy, not the target.
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.ConnectTimeout,
            ConnectCallback = new SafeConnector(policy).ConnectAsync,
            // Re-resolve DNS now and then, so a moved site is followed and re-checked.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8");
        return client;
    }
}
