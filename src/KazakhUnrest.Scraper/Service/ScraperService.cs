using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Service;

public static class ScraperServiceExtensions
{
    public static IHostApplicationBuilder AddScraperService(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ScraperService>();
        return builder;
    }
}

/// <summary>The long-running loop: wakes up, looks for sources that are due, and reports what it sees.</summary>
internal sealed partial class ScraperService(IServiceScopeFactory scopes, ILogger<ScraperService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger);
        using var timer = new PeriodicTimer(Tick);
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
            var now = DateTimeOffset.UtcNow;
            var due = await db.Sources.AsNoTracking()
                .CountAsync(s => s.Enabled && (s.NextCheckAt == null || s.NextCheckAt <= now), stoppingToken);
            LogDue(logger, due);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Scraper service started")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(LogLevel.Debug, "{DueSources} sources due")]
    private static partial void LogDue(ILogger logger, int dueSources);
}
