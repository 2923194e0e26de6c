using KazakhUnrest.Scraper.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.IntegrationTests.Fetching;

internal static class Fetchers
{
    /// <summary>
    /// The fetcher as the scraper registers it (same HttpClient configuration), for loopback servers, with
    /// no politeness delay and the real clock unless the test passes its own.
    /// </summary>
    public static TestFetcher Create(Action<FetchOptions>? configure = null, TimeProvider? time = null, ILogger<PoliteFetcher>? logger = null)
    {
        var options = new FetchOptions
        {
            PerHostDelay = TimeSpan.Zero,
            TotalTimeout = TimeSpan.FromSeconds(10),
            AllowedPrivateNetworks = ["127.0.0.0/8"],
        };
        configure?.Invoke(options);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Options.Create(options))
            .AddSingleton(time ?? TimeProvider.System);
        if (logger is not null)
        {
            services.AddSingleton(logger);
        }

        return new TestFetcher(services.AddPoliteFetcher().BuildServiceProvider());
    }
}

/// <summary>A <see cref="PoliteFetcher"/> with the container that owns its HttpClient handler, disposed with it.</summary>
internal sealed class TestFetcher(ServiceProvider services) : IDisposable
{
    public PoliteFetcher Fetcher { get; } = services.GetRequiredService<PoliteFetcher>();

    public Task<FetchResult> FetchAsync(Uri url, FetchConditions? conditions, CancellationToken ct) => Fetcher.FetchAsync(url, conditions, ct);

    public void Dispose() => services.Dispose();
}
