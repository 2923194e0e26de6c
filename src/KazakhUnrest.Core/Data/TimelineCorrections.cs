namespace KazakhUnrest.Core.Data;

/// <summary>
/// An editor's dated entry on the timeline ("Internet shut down nationwide"), citing the articles that report it. Kept
/// apart from the machine's entries, which every timeline rebuild replaces, so a rebuild never touches it.
/// </summary>
public sealed class TimelineMilestone
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Note { get; set; }
    public List<long> ArticleIds { get; set; } = [];
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A machine-made timeline entry an editor found wrong. Keyed on the entry's key ("2022-01-05/government-resigns"),
/// which a rebuild gives the same event again, not on its row id, which every rebuild renews.
/// </summary>
public sealed class HiddenTimelineEntry
{
    public required string Key { get; set; }
    public required string HiddenBy { get; set; }
    public DateTimeOffset HiddenAt { get; set; }
    public string? Reason { get; set; }
}
