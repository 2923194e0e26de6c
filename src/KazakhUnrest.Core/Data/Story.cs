namespace KazakhUnrest.Core.Data;

/// <summary>One event or development as several outlets reported it, possibly over several days.</summary>
public sealed class Story
{
    /// <summary>Allocated by the clusterer, not the database, so re-clustering the same data gives the same ids.</summary>
    public long Id { get; set; }

    public required string Headline { get; set; }

    /// <summary>The most central article, whose headline the story carries.</summary>
    public long? HeadlineArticleId { get; set; }

    public DateTimeOffset FirstPublishedAt { get; set; }
    public DateTimeOffset LastPublishedAt { get; set; }

    /// <summary>On-topic articles, duplicates included.</summary>
    public int ArticleCount { get; set; }
    public int OutletCount { get; set; }

    /// <summary>Set when an editor merged this story into another; its articles now belong there.</summary>
    public long? MergedIntoId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Counts editors' changes (merges, splits), so a form sent from an older version is refused, not applied blindly.</summary>
    public int EditVersion { get; set; }

    public List<Article> Articles { get; set; } = [];
}

/// <summary>A manual change to the clustering, replayed whenever clustering runs again.</summary>
public sealed class StoryEdit
{
    public long Id { get; set; }
    public StoryEditKind Kind { get; set; }

    /// <summary>Merge: the story merged away. Split: the story articles were taken from.</summary>
    public long StoryId { get; set; }

    /// <summary>Merge: the story kept. Split: the new story.</summary>
    public long TargetStoryId { get; set; }

    /// <summary>Split: the articles moved to <see cref="TargetStoryId"/>.</summary>
    public List<long> ArticleIds { get; set; } = [];

    public string? Actor { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum StoryEditKind
{
    Merge,
    Split,

    /// <summary>Every machine decision forgotten and all articles filed again (<c>reprocess --from story</c>); editors' merges and splits kept.</summary>
    Recluster,
}

/// <summary>
/// The story clusterer's state after filing up to <see cref="ClusterSeq"/> with the editors' decisions up to
/// <see cref="EditId"/>, written by the filing process now and then so another process starts from it instead of
/// replaying every filed article. Only the newest is kept.
/// </summary>
public sealed class ClustererSnapshot
{
    public long Id { get; set; }
    public long ClusterSeq { get; set; }
    public long EditId { get; set; }
    public int Articles { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public byte[] Data { get; set; } = [];
}
