using System.Net;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Fetching;

public static class FetchingExtensions
{
    /// <summary>Registers <see cref="FetchOptions"/> (section "Fetch", validated at start) and the one <see cref="PoliteFetcher"/>.</summary>
    public static IHostApplicationBuilder AddPoliteFetching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FetchOptions>()
            .Bind(builder.Configuration.GetSection(FetchOptions.Section))
            .ValidateDataAnnotations()
            .Validate(AllowListParses, "Fetch:AllowedPrivateNetworks holds an entry that is neither an IP address nor a CIDR range")
            .ValidateOnStart();
        builder.Services.AddPoliteFetcher();
        return builder;
    }

    /// <summary>
    /// Registers the <see cref="PoliteFetcher"/>, its named HttpClient and <see cref="TimeProvider.System"/> unless another
    /// clock is registered; <see cref="FetchOptions"/> come from the caller (configuration, or a test's own).
    /// </summary>
    public static IServiceCollection AddPoliteFetcher(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PoliteFetcher)))
        {
            // A second registration would add the client's configuration twice (two User-Agent values).
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(PoliteFetcher.HttpClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<FetchOptions>>().Value;
                // Timeouts are ours, on the injected clock, per redirect hop.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
                client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
                client.DefaultRequestHeaders.TryAddWithoutValidation("Accept",
                    "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => SafeHandler(provider.GetRequiredService<IOptions<FetchOptions>>().Value,
                provider.GetService<ILogger<SafeConnector>>() ?? NullLogger<SafeConnector>.Instance))
            // The handler re-resolves DNS through PooledConnectionLifetime, so the factory need not rotate it.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // PoliteFetcher logs every fetch with its own stable properties; the factory's per-request lines would repeat them.
            .RemoveAllLoggers();
        services.TryAddSingleton<PoliteFetcher>();
        return services;
    }

    private static SocketsHttpHandler SafeHandler(FetchOptions options, ILogger<SafeConnector> logger) => new()
    {
        // Redirects, decompression and timeouts are ours: each needs a check the handler cannot do.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        // Through a proxy the connect callback would vet the proxy, not the target.
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = options.ConnectTimeout,
        ConnectCallback = new SafeConnector(new AddressPolicy(options.AllowedPrivateNetworks), logger).ConnectAsync,
        // Re-resolve DNS now and then, so a moved site is followed and re-checked.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static bool AllowListParses(FetchOptions options)
    {
        try
        {
            _ = new AddressPolicy(options.AllowedPrivateNetworks);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
