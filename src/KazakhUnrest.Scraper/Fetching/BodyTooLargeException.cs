namespace KazakhUnrest.Scraper.Fetching;

/// <summary>A body went past one of the size caps while it was being read.</summary>
public sealed class BodyTooLargeException(string message) : Exception(message);
