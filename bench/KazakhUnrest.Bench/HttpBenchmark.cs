using System.Collections.Concurrent;
using System.Diagnostics;

namespace KazakhUnrest.Bench;

/// <param name="Times">Every request's time in milliseconds, in order: figures over several pages pool them.</param>
public sealed record HttpScore(Uri Url, int Requests, int Clients, double MedianMs, double P99Ms, double MaxMs, long Bytes, int Errors, double PerSecond,
    IReadOnlyList<double> Times)
{
    public static double Median(IReadOnlyList<double> sorted) => sorted[sorted.Count / 2];

    public static double P99(IReadOnlyList<double> sorted) => sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1];
}

/// <summary>
/// Times one page over a number of requests shared by concurrent clients (one by default, so requests run one after
/// another), after a few warm-up requests. The product's target is stated for 64 clients.
/// </summary>
public static class HttpBenchmark
{
    private const int WarmUp = 5;

    public static async Task<HttpScore> RunAsync(Uri url, int requests, int clients = 1)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < WarmUp; i++)
        {
            (await client.GetAsync(url)).Dispose();
        }

        var times = new ConcurrentBag<double>();
        var (errors, bytes, left) = (0, 0L, requests);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    Interlocked.Exchange(ref bytes, body.Length);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // A refused connection or a request past the client's timeout is an error of the run, not its end.
                    Interlocked.Increment(ref errors);
                }
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }));

        var sorted = times.Order().ToList();
        return new HttpScore(url, requests, clients, HttpScore.Median(sorted), HttpScore.P99(sorted), sorted[^1], bytes, errors,
            requests / wall.Elapsed.TotalSeconds, sorted);
    }
}
