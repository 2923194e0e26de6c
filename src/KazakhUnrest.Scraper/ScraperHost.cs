using KazakhUnrest.Core.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Filters;

namespace KazakhUnrest.Scraper;

/// <summary>The host every command runs in: configuration, Serilog and the database.</summary>
public static class ScraperHost
{
    public static HostApplicationBuilder CreateBuilder(string[]? args = null)
    {
        var builder = Host.CreateApplicationBuilder(Settings(args));
        builder.Services.AddSerilog((_, logger) => logger
            // "LogLevel" (e.g. --LogLevel=Debug or LogLevel=Warning in the environment) without a settings package.
            .MinimumLevel.Is(Enum.TryParse<LogEventLevel>(builder.Configuration["LogLevel"], ignoreCase: true, out var level) ? level : LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            // EF Core's "An error occurred using the connection" comes without its cause, once per try of a database that
            // is down; the exception itself always reaches the scraper's own report, which says more.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Connection", LogEventLevel.Fatal)
            // EF Core and the host log a lost connection with its stack trace at every query that hits it; the scraper
            // reports the outage itself, once and plainly (the service's retries, the command's last line).
            .Filter.ByExcluding(e => e.Exception is { } x && x.IsDatabaseGone() && Matching.FromSource("Microsoft")(e))
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Component", "scraper")
            // stderr: stdout belongs to command output (extract's JSON lines, db start's connection string).
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose));
        builder.AddKazakhUnrestDatabase();
        return builder;
    }

    /// <summary>
    /// The connection string a host made by <see cref="CreateBuilder"/> uses, read again from the same configuration:
    /// the last-chance error handler runs after the command's host is gone and still has to name the database.
    /// </summary>
    public static string? ConnectionString(string[]? args = null) =>
        Host.CreateApplicationBuilder(Settings(args)).Configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName);

    private static HostApplicationBuilderSettings Settings(string[]? args) => new()
    {
        Args = args ?? [],
        ContentRootPath = AppContext.BaseDirectory,
    };
}
