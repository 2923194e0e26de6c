using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Scraper.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.IntegrationTests.Fetching;

public sealed class FetchingRegistrationTests
{
    [Fact]
    public void Options_bind_from_configuration_and_the_clients_resolve()
    {
        using var host = Build(new()
        {
            ["Fetch:PerHostDelay"] = "00:00:02",
            ["Fetch:MaxBodyBytes"] = "1000000",
            ["Fetch:AllowedPrivateNetworks:0"] = "127.0.0.1",
            ["Fetch:AllowedPrivateNetworks:1"] = "10.0.0.0/8",
            ["Archives:GdeltBaseUrl"] = "http://127.0.0.1:9/gdelt",
        });

        var fetch = host.Services.GetRequiredService<IOptions<FetchOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(2), fetch.PerHostDelay);
        Assert.Equal(1_000_000, fetch.MaxBodyBytes);
        Assert.Equal(["127.0.0.1", "10.0.0.0/8"], fetch.AllowedPrivateNetworks);
        Assert.StartsWith("KazakhUnrestBot/1.0 (+", fetch.UserAgent);
        Assert.Equal(new Uri("http://127.0.0.1:9/gdelt"), host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.GdeltBaseUrl);
        Assert.Same(host.Services.GetRequiredService<PoliteFetcher>(), host.Services.GetRequiredService<PoliteFetcher>());
        Assert.NotNull(host.Services.GetRequiredService<GdeltClient>());
        Assert.NotNull(host.Services.GetRequiredService<WaybackClient>());
    }

    [Theory]
    [InlineData("Fetch:MaxRedirects", "50", "MaxRedirects")]
    [InlineData("Fetch:AllowedPrivateNetworks:0", "not-an-address", "AllowedPrivateNetworks")]
    public async Task Invalid_options_stop_the_host_at_start(string key, string value, string named)
    {
        using var host = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddArchiveClients();
        return builder.Build();
    }
}
