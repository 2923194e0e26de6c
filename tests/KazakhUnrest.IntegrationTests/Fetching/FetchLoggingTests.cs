using System.Collections.Concurrent;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.IntegrationTests.Fetching;

public sealed class FetchLoggingTests
{
    [Fact]
    public async Task Every_fetch_logs_stable_structured_properties()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/gone", () => Results.StatusCode(410)));
        var logger = new CapturingLogger();
        using var fetcher = Fetchers.Create(o => o.AllowedPrivateNetworks = ["127.0.0.1"], logger: logger);

        await fetcher.FetchAsync(server.Url("/gone"), null, CancellationToken.None);

        var failure = logger.Entries.Single(e => e.Level == LogLevel.Warning && e.Properties.ContainsKey("Error"));
        Assert.Equal(server.Url("/gone"), failure.Properties["Url"]);
        Assert.Equal("127.0.0.1", failure.Properties["Host"]);
        Assert.Equal(410, failure.Properties["StatusCode"]);
        Assert.Equal(FetchOutcome.Gone, failure.Properties["Outcome"]);
        Assert.IsType<long>(failure.Properties["ElapsedMs"]);
    }

    private sealed record Entry(LogLevel Level, IReadOnlyDictionary<string, object?> Properties);

    private sealed class CapturingLogger : ILogger<PoliteFetcher>
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue(new Entry(logLevel, (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value)));
    }
}
