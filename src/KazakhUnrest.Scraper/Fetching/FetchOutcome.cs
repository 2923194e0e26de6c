namespace KazakhUnrest.Scraper.Fetching;

/// <summary>What came of one fetch; everything but <see cref="Ok"/> and <see cref="NotModified"/> is a failure.</summary>
public enum FetchOutcome
{
    Ok,
    NotModified,
    NotFound,
    Gone,
    HttpError,
    RetryLater,
    TooLarge,
    Timeout,
    TooManyRedirects,
    RedirectLoop,
    Refused,
    DisallowedByRobots,
    InvalidContent,
    NetworkError,
}
