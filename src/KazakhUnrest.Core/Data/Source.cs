namespace KazakhUnrest.Core.Data;

/// <summary>Something the scraper fetches or reads on a schedule, with its fetch state.</summary>
public sealed class Source
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public SourceKind Kind { get; set; }

    /// <summary>Feed or sitemap URL, archive query, or folder path, depending on <see cref="Kind"/>.</summary>
    public required string Location { get; set; }

    public int? OutletId { get; set; }
    public Outlet? Outlet { get; set; }

    public bool Enabled { get; set; } = true;

    // Conditional GET validators from the last 200 response.
    public string? ETag { get; set; }
    public string? LastModified { get; set; }

    public DateTimeOffset? NextCheckAt { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public int ConsecutiveErrors { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }

    // Counts of the last run, for the status page.
    public int LastNewCount { get; set; }
    public int LastUpdatedCount { get; set; }
    public int LastUnchangedCount { get; set; }

    /// <summary>Lease for multi-process scraping: a worker owns the source until this time.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    public string? LeasedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum SourceKind
{
    Feed,
    Sitemap,
    ArchiveQuery,
    CaptureFolder,
}
