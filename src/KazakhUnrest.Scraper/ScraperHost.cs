using KazakhUnrest.Core.Database;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace KazakhUnrest.Scraper;

/// <summary>The host every command runs in: configuration, Serilog and the database.</summary>
public static class ScraperHost
{
    public static HostApplicationBuilder CreateBuilder(string[]? args = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSerilog((_, logger) => logger
            // "LogLevel" (e.g. --LogLevel=Debug or LogLevel=Warning in the environment) without a settings package.
            .MinimumLevel.Is(Enum.TryParse<LogEventLevel>(builder.Configuration["LogLevel"], ignoreCase: true, out var level) ? level : LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Component", "scraper")
            // stderr: stdout belongs to command output (extract's JSON lines, db start's connection string).
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose));
        builder.AddKazakhUnrestDatabase();
        return builder;
    }
}
