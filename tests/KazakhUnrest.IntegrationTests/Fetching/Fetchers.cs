using KazakhUnrest.Scraper.Fetching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.IntegrationTests.Fetching;

/// <summary>Fetchers for tests: loopback allow-listed, no politeness delay and short timeouts unless a test says otherwise.</summary>
internal static class Fetchers
{
    public static PoliteFetcher Create(Action<FetchOptions>? configure = null)
    {
        var options = new FetchOptions
        {
            PerHostDelay = TimeSpan.Zero,
            TotalTimeout = TimeSpan.FromSeconds(10),
            AllowedPrivateNetworks = ["127.0.0.0/8"],
        };
        configure?.Invoke(options);
        return new PoliteFetcher(Options.Create(options), NullLogger<PoliteFetcher>.Instance);
    }
}
