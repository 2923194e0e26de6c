using System.Collections.Concurrent;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>
/// robots.txt per origin, fetched once per <see cref="FetchOptions.RobotsCacheTime"/>. A 4xx file means
/// "no rules"; a 5xx or unreachable one means "stay away for now" and is retried sooner.
/// </summary>
internal sealed class RobotsCache(
    Func<Uri, CancellationToken, Task<FetchResult>> fetch,
    string userAgent,
    TimeSpan cacheTime,
    TimeProvider time)
{
    private static readonly TimeSpan FailureCacheTime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules for <paramref name="url"/>'s origin, and the failed fetch when they are "disallow all" for lack of a file.</summary>
    public async Task<(Robots Robots, FetchResult? Failure)> GetAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var entry = _entries.GetOrAdd(origin, _ => new Entry());
        await entry.Lock.WaitAsync(ct);
        try
        {
            if (entry.Robots is null || entry.ExpiresAt <= time.GetUtcNow())
            {
                var (robots, failure, lifetime) = await LoadAsync(new Uri(origin + "/robots.txt"), ct);
                entry.Robots = robots;
                entry.Failure = failure;
                entry.ExpiresAt = time.GetUtcNow() + lifetime;
            }

            return (entry.Robots, entry.Failure);
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    private async Task<(Robots, FetchResult?, TimeSpan)> LoadAsync(Uri robotsUrl, CancellationToken ct)
    {
        var result = await fetch(robotsUrl, ct);
        var failureTime = cacheTime < FailureCacheTime ? cacheTime : FailureCacheTime;
        return result.Outcome switch
        {
            FetchOutcome.Ok => (Robots.Parse(result.DecodeText(), userAgent), null, cacheTime),
            FetchOutcome.NotFound or FetchOutcome.Gone => (Robots.AllowAll, null, cacheTime),
            FetchOutcome.HttpError when result.StatusCode is >= 400 and < 500 => (Robots.AllowAll, null, cacheTime),
            _ => (Robots.DisallowAll, result, failureTime),
        };
    }

    private sealed class Entry
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public Robots? Robots { get; set; }
        public FetchResult? Failure { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
    }
}
