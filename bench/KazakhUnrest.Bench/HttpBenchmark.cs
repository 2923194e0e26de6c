using System.Diagnostics;

namespace KazakhUnrest.Bench;

public sealed record HttpScore(Uri Url, int Requests, double MedianMs, double P99Ms, double MaxMs, long Bytes, int Errors);

/// <summary>Times one page over sequential requests from one client, after a few warm-up requests.</summary>
public static class HttpBenchmark
{
    private const int WarmUp = 5;

    public static async Task<HttpScore> RunAsync(Uri url, int requests)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < WarmUp; i++)
        {
            (await client.GetAsync(url)).Dispose();
        }

        var times = new List<double>(requests);
        var (errors, bytes) = (0, 0L);
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
            errors += response.IsSuccessStatusCode ? 0 : 1;
            bytes = body.Length;
        }

        times.Sort();
        return new HttpScore(url, requests, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.99) - 1], times[^1], bytes, errors);
    }
}
