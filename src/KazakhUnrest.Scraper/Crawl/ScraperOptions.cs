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

    /// <summary>
    /// The service's first wait after the database went away, doubled at each failed try: a PostgreSQL restart takes a
    /// few seconds, and trying sooner would only add log lines.
    /// </summary>
    public TimeSpan DatabaseRetryFirst { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest wait between two tries: once an outage has lasted minutes, another minute of it before the service
    /// notices the database is back costs little, and one log line a minute stays readable.
    /// </summary>
    public TimeSpan DatabaseRetryMax { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the database may stay gone before the service gives up and exits non-zero, so its supervisor restarts it
    /// and someone looks: ten minutes rides out a restart, a failover or a minor upgrade (with the waits above, about
    /// fifteen tries); an outage longer than that needs a person, not another retry.
    /// </summary>
    public TimeSpan DatabaseRetryBudget { get; set; } = TimeSpan.FromMinutes(10);
}
