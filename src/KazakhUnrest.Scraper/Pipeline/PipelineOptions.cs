using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>Batch sizes of the pipeline's batch steps (section <c>Pipeline</c>); the defaults are the benchmarked ones.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>
    /// Articles filed per transaction. Each batch pays for its statistics, headlines and state queries; 1,000 measured
    /// 1,188 articles/s at 100k against about 1,050 for 500, with the same stories. Smaller batches only in tests,
    /// to interleave processes.
    /// </summary>
    [Range(1, 100_000)]
    public int FilingBatch { get; set; } = 1_000;

    /// <summary>Articles read per transaction: a crash loses at most this much reading, and a batch's rows stay a few MB.</summary>
    [Range(1, 100_000)]
    public int ReadingBatch { get; set; } = 500;

    /// <summary>
    /// A clusterer snapshot every this many filed articles bounds what a starting process replays. Measured at 100,000
    /// articles: loading the snapshot takes about 3 s and replay adds about 3,000 articles/s, so 4,000 keeps a joining
    /// process under 5 s to its first batch; a snapshot (about 0.4 KiB per article filed so far) then costs about 1 s
    /// per 4 s of filing at that size, a few per cent of the step over a whole run.
    /// </summary>
    [Range(1, 10_000_000)]
    public int SnapshotEvery { get; set; } = 4_000;
}
