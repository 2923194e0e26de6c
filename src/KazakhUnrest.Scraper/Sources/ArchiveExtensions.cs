using KazakhUnrest.Scraper.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.Scraper.Sources;

public static class ArchiveExtensions
{
    /// <summary>Registers <see cref="ArchiveOptions"/> (section "Archives"), <see cref="GdeltClient"/> and <see cref="WaybackClient"/>, and the fetcher they use.</summary>
    public static IHostApplicationBuilder AddArchiveClients(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(PoliteFetcher)))
        {
            builder.AddPoliteFetching();
        }

        builder.Services.AddOptions<ArchiveOptions>()
            .Bind(builder.Configuration.GetSection(ArchiveOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<GdeltClient>();
        builder.Services.TryAddSingleton<WaybackClient>();
        return builder;
    }
}
