using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway Kestrel server on a free loopback port that plays outlets, GDELT or the Wayback Machine
/// for one test; routes are mapped by the test, so no test ever needs the internet.
/// </summary>
public sealed class LocalWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalWebServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; }

    public static Task<LocalWebServer> StartAsync(Action<WebApplication> mapRoutes) => StartAsync(IPAddress.Loopback, mapRoutes);

    /// <param name="address">A loopback address other than 127.0.0.1 (e.g. 127.0.0.2) makes the server a different host.</param>
    public static async Task<LocalWebServer> StartAsync(IPAddress address, Action<WebApplication> mapRoutes)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrel(options => options.Listen(address, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        mapRoutes(app);
        await app.StartAsync();
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalWebServer(app, new Uri(listening.TrimEnd('/') + "/"));
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery.TrimStart('/'));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
