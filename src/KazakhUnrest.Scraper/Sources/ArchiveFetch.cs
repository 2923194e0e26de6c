using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Scraper.Sources;

internal static class ArchiveFetch
{
    /// <summary>Fetches an archive API answer and parses it; a failed fetch or unreadable answer becomes Error, never an exception.</summary>
    public static async Task<(IReadOnlyList<T> Items, string? Error, FetchResult Fetch)> GetAsync<T>(PoliteFetcher fetcher, Uri url,
        string service, Func<string, IReadOnlyList<T>> parse, CancellationToken ct)
    {
        var fetch = await fetcher.FetchAsync(url, null, ct);
        if (fetch.Outcome != FetchOutcome.Ok)
        {
            return ([], $"{service} request failed: {fetch.Error}", fetch);
        }

        try
        {
            return (parse(fetch.DecodeText()), null, fetch);
        }
        catch (ArchiveFormatException ex)
        {
            return ([], ex.Message, fetch);
        }
    }
}
