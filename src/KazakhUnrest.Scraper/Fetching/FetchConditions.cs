namespace KazakhUnrest.Scraper.Fetching;

/// <summary>Validators from a previous 200 response, sent back so the server can answer 304.</summary>
public sealed record FetchConditions(string? ETag, string? LastModified)
{
    public bool IsEmpty => string.IsNullOrEmpty(ETag) && string.IsNullOrEmpty(LastModified);
}
