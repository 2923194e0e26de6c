using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

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
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<PoliteFetcher>();
        return builder;
    }

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
