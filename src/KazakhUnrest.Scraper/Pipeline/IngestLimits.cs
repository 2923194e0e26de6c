using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Bounds on one input, whichever entry point brings it (section <c>Ingest</c>); what extraction keeps of a page is bounded
/// by <see cref="Core.Extraction.ExtractionLimits"/> (section <c>Extraction</c>). Together they bound an input's memory:
/// its bytes by <see cref="MaxFileBytes"/> (or the fetch caps), its parse by the depth and element limits.
/// </summary>
public sealed class IngestLimits
{
    public const string Section = "Ingest";

    /// <summary>
    /// An imported HTML or text file, or a WARC response record, larger than this is refused as too large, as a fetched
    /// body is. 20 MiB is <c>Fetch:MaxDecompressedBytes</c>, the most a fetched page can bring to extraction, so a page is
    /// not refused from the web and stored from a file or the other way round; the largest of 990 real pages has 1.6 MB.
    /// </summary>
    [Range(1_024, int.MaxValue)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The most time one capture's extraction may take; past it the capture is refused with this reason and the batch
    /// goes on. Within the limits above the slowest hostile page measured takes a few seconds on one core (the
    /// <c>hostile</c> benchmark) and an ordinary page a few milliseconds, so this only ends what the limits missed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ExtractTimeBudget { get; set; } = TimeSpan.FromSeconds(60);
}
