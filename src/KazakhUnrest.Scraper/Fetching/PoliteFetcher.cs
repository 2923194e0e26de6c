using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using KazakhUnrest.Core.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>
/// The only way the scraper talks HTTP: robots.txt, per-host politeness, address refusal, manual
/// redirects, timeouts and size caps, and never an exception for a failed fetch (see <see cref="FetchResult.Error"/>).
/// One instance per process; safe for concurrent use.
/// </summary>
public sealed class PoliteFetcher
{
    /// <summary>The name of the HttpClient configured by <see cref="FetchingExtensions.AddPoliteFetcher"/>.</summary>
    public const string HttpClientName = "PoliteFetcher";

    private readonly FetchOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IHttpClientFactory _clients;
    private readonly HostGate _gate;
    private readonly RobotsCache _robots;

    public PoliteFetcher(IHttpClientFactory clients, IOptions<FetchOptions> options, ILogger<PoliteFetcher> logger, TimeProvider time)
    {
        _clients = clients;
        _options = options.Value;
        _logger = logger;
        _time = time;
        _gate = new HostGate(_options.PerHostDelay, _options.HostDelays, _options.MaxCrawlDelay, _time);
        _robots = new RobotsCache((url, ct) => FollowRedirectsAsync(url, null, checkRobots: false, ct), _options.UserAgent,
            _options.RobotsCacheTime, _time);
    }

    /// <summary>Fetches <paramref name="url"/>; cancellation by <paramref name="ct"/> throws, every other failure is a result.</summary>
    /// <param name="conditions">Validators from the last 200 for a conditional GET, or null.</param>
    public async Task<FetchResult> FetchAsync(Uri url, FetchConditions? conditions, CancellationToken ct)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"an absolute URL is needed, not \"{url}\"", nameof(url));
        }

        var started = _time.GetTimestamp();
        var result = await FollowRedirectsAsync(url, conditions, _options.RespectRobots, ct);
        result = WithCharsetWarning(result) with { Elapsed = _time.GetElapsedTime(started) };
        Log(result);
        return result;
    }

    private async Task<FetchResult> FollowRedirectsAsync(Uri url, FetchConditions? conditions, bool checkRobots, CancellationToken ct)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        for (var followed = 0; ; followed++)
        {
            var hop = await FetchHopAsync(url, current, conditions, checkRobots, ct);
            if (hop.Redirect is not { } next)
            {
                return hop.Result!;
            }

            if (!visited.Add(next.AbsoluteUri))
            {
                return Failure(url, current, FetchOutcome.RedirectLoop, $"redirect loop: {current} redirects back to {next}");
            }

            if (followed >= _options.MaxRedirects)
            {
                return Failure(url, current, FetchOutcome.TooManyRedirects,
                    $"more than {_options.MaxRedirects} redirects; the last one pointed to {next}");
            }

            current = next;
        }
    }

    private async Task<Hop> FetchHopAsync(Uri requested, Uri current, FetchConditions? conditions, bool checkRobots, CancellationToken ct)
    {
        if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
        {
            return new Hop(Failure(requested, current, FetchOutcome.Refused, $"refused {current}: only http and https are fetched"));
        }

        if (checkRobots && await RobotsRefusalAsync(requested, current, ct) is { } refusal)
        {
            return new Hop(refusal);
        }

        using var turn = await _gate.EnterAsync(current.IdnHost, ct);
        // On the injected clock, so a test can pass the timeout without waiting for it.
        using var totalTimeout = new CancellationTokenSource(_options.TotalTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, totalTimeout.Token);
        try
        {
            using var request = CreateRequest(current, conditions);
            // The factory hands out clients over one pooled handler, so one per hop costs nothing.
            using var client = _clients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return await ResponseInterpreter.InterpretAsync(requested, current, response, _options, _time.GetUtcNow(), timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            return new Hop(FetchErrors.Classify(requested, current, ex, _options));
        }
    }

    private async Task<FetchResult?> RobotsRefusalAsync(Uri requested, Uri url, CancellationToken ct)
    {
        var (robots, failure) = await _robots.GetAsync(url, ct);
        if (_gate.SetCrawlDelay(url.IdnHost, robots.CrawlDelay))
        {
            FetchLog.CrawlDelay(_logger, url.IdnHost, (long)(robots.CrawlDelay ?? TimeSpan.Zero).TotalMilliseconds);
        }

        return (robots.IsAllowed(url), failure) switch
        {
            (true, _) => null,
            // The host is off limits or unreachable: say so, rather than blame a robots.txt we never saw.
            (false, { Outcome: FetchOutcome.Refused or FetchOutcome.NetworkError or FetchOutcome.Timeout }) =>
                failure with { RequestedUrl = requested, FinalUrl = url },
            (false, { } unavailable) => Failure(requested, url, FetchOutcome.DisallowedByRobots,
                $"robots.txt of {url.Host} is unavailable ({unavailable.Error}), so nothing there is fetched for now"),
            (false, null) => Failure(requested, url, FetchOutcome.DisallowedByRobots,
                $"robots.txt of {url.Host} disallows {url.PathAndQuery} for our user agent"),
        };
    }

    private HttpRequestMessage CreateRequest(Uri url, FetchConditions? conditions)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrEmpty(conditions?.ETag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", conditions.ETag);
        }

        if (!string.IsNullOrEmpty(conditions?.LastModified))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", conditions.LastModified);
        }

        return request;
    }

    private static FetchResult WithCharsetWarning(FetchResult result)
    {
        if (result.Outcome != FetchOutcome.Ok || result.Body.Length == 0)
        {
            return result;
        }

        var warning = CharsetDetector.Detect(result.Body, result.Charset).Warning;
        return warning is null ? result : result with { Warnings = [.. result.Warnings, warning] };
    }

    private void Log(FetchResult result)
    {
        var host = result.FinalUrl.IdnHost;
        var elapsed = (long)result.Elapsed.TotalMilliseconds;
        if (result.IsSuccess)
        {
            FetchLog.Fetched(_logger, result.RequestedUrl, host, result.Outcome, result.StatusCode, elapsed);
        }
        else
        {
            FetchLog.Failed(_logger, result.RequestedUrl, host, result.Outcome, result.StatusCode, elapsed, result.Error);
        }

        foreach (var warning in result.Warnings)
        {
            FetchLog.Warning(_logger, result.RequestedUrl, host, warning);
        }
    }

    internal static FetchResult Failure(Uri requested, Uri current, FetchOutcome outcome, string error) =>
        new() { RequestedUrl = requested, FinalUrl = current, Outcome = outcome, Error = error };
}

/// <summary>One request's result, or where it redirects to.</summary>
internal readonly record struct Hop(FetchResult? Result, Uri? Redirect = null);
