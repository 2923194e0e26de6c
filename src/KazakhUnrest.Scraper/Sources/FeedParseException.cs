namespace KazakhUnrest.Scraper.Sources;

/// <summary>The document is not a feed we can read; no items are returned from it at all.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner);
