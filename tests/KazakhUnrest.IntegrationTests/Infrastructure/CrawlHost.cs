using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Crawl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>
/// The scraper host as the service builds it, pointed at a test database and at a local server that
/// plays the outlets, GDELT and the Wayback Machine. Loopback is allow-listed and politeness delays are off.
/// </summary>
internal static class CrawlHost
{
    public static IHost Create(string connectionString, LocalWebServer? server = null, params string[] settings) =>
        Create(connectionString, server, TimeProvider.System, settings);

    /// <param name="time">The clock the fetcher and the source runner read, e.g. a <see cref="TestClock"/>.</param>
    public static IHost Create(string connectionString, LocalWebServer? server, TimeProvider time, params string[] settings) =>
        Builder(connectionString, server, time, settings).Build();

    /// <summary>The same host with the background <see cref="ScraperService"/> in it, as the service command runs it.</summary>
    public static IHost CreateService(string connectionString, LocalWebServer? server, params string[] settings)
    {
        var builder = Builder(connectionString, server, TimeProvider.System, settings);
        builder.Services.AddHostedService<ScraperService>();
        return builder.Build();
    }

    private static HostApplicationBuilder Builder(string connectionString, LocalWebServer? server, TimeProvider time, string[] settings)
    {
        var args = new List<string>
        {
            $"--ConnectionStrings:Default={connectionString}",
            "--Fetch:AllowedPrivateNetworks:0=127.0.0.0/8",
            "--Fetch:PerHostDelay=00:00:00",
            "--Fetch:TotalTimeout=00:00:03",
            "--Scraper:SourcesFile=no-sources-file-in-tests.json",
        };
        if (server is not null)
        {
            args.Add($"--Archives:GdeltBaseUrl={server.Url("gdelt")}");
            args.Add($"--Archives:WaybackCdxUrl={server.Url("cdx")}");
            args.Add($"--Archives:WaybackBaseUrl={server.BaseAddress}");
        }

        args.AddRange(settings.Select(s => "--" + s));
        var builder = ScraperHost.CreateBuilder([.. args]);
        builder.AddCrawling();
        builder.Services.Replace(ServiceDescriptor.Singleton(time));
        return builder;
    }

    public static Task<SourceRun?> RunAsync(this IHost host, string sourceName) =>
        host.Services.GetRequiredService<Crawler>().RunByNameAsync(sourceName, CancellationToken.None);
}
