namespace KazakhUnrest.Scraper.Sources;

/// <summary>An archive API answered with something other than its JSON (both GDELT and the CDX server send errors as plain text).</summary>
public sealed class ArchiveFormatException(string message, Exception? inner = null) : Exception(message, inner);
