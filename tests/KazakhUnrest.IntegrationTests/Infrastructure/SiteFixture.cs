using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>The site on its own database, served by Kestrel on a free loopback port so a real browser can reach it.</summary>
public class SiteFixture : DatabaseFixture
{
    private SiteFactory? _factory;

    public SiteFactory Factory => _factory ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary>Base address of the running site, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_factory, BaseAddress) = StartInstance();
    }

    /// <summary>Another site instance on the same database, as behind a load balancer; the caller disposes it.</summary>
    public (SiteFactory Factory, Uri BaseAddress) StartInstance()
    {
        var factory = new SiteFactory(ConnectionString, Configure);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return (factory, new Uri(addresses.Addresses.First()));
    }

    public override async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>Extra settings for the site under test.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public sealed class SiteFactory : WebApplicationFactory<Program>
    {
        private readonly string _connectionString;
        private readonly Action<IWebHostBuilder> _configure;

        public SiteFactory(string connectionString, Action<IWebHostBuilder> configure)
        {
            _connectionString = connectionString;
            _configure = configure;
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Test");
            builder.UseSetting("ConnectionStrings:Default", _connectionString);
            // Tests change the database between requests; the page cache has its own test.
            builder.UseSetting("Site:PageCacheSeconds", "0");
            _configure(builder);
        }
    }
}
