using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Scraper.Crawl;

public sealed class ScraperOptions
{
    public const string Section = "Scraper";

    /// <summary>The checked-in list of outlets and their feeds, synced into the database at start.</summary>
    public string SourcesFile { get; set; } = "sources.json";

    /// <summary>Sources run at once; each host still gets one request at a time.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a process owns a source it is running; another process may take it after that.</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 10_000)]
    public int MaxArticlesPerRun { get; set; } = 200;

    [Range(1, 1_000)]
    public int MaxSitemapsPerRun { get; set; } = 20;

    /// <summary>How often the service looks for due sources when none is due sooner.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(30);
}
