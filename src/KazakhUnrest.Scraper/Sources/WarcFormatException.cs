namespace KazakhUnrest.Scraper.Sources;

/// <summary>The WARC file is truncated or corrupt at <see cref="Offset"/>; records before it were read.</summary>
public sealed class WarcFormatException(string message, long offset, Exception? inner = null)
    : Exception($"{message} (at byte {offset:N0} of the uncompressed WARC)", inner)
{
    public long Offset { get; } = offset;
}
