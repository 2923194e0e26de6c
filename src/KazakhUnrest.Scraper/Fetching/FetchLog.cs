using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>Fetch log events; the property names are stable so dashboards and queries can rely on them.</summary>
internal static partial class FetchLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Fetched {Url} from {Host}: {Outcome} {StatusCode} in {ElapsedMs} ms")]
    public static partial void Fetched(ILogger logger, Uri url, string host, FetchOutcome outcome, int? statusCode, long elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Fetch of {Url} from {Host} failed: {Outcome} {StatusCode} in {ElapsedMs} ms: {Error}")]
    public static partial void Failed(ILogger logger, Uri url, string host, FetchOutcome outcome, int? statusCode, long elapsedMs,
        string? error);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Fetch of {Url} from {Host}: {Warning}")]
    public static partial void Warning(ILogger logger, Uri url, string host, string warning);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "robots.txt of {Host} now sets a crawl delay of {CrawlDelayMs} ms")]
    public static partial void CrawlDelay(ILogger logger, string host, long crawlDelayMs);
}
