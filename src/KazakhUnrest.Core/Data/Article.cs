namespace KazakhUnrest.Core.Data;

/// <summary>
/// One article, or one segment of a page that glues several articles together
/// (same canonical URL, different <see cref="Segment"/>).
/// </summary>
public sealed class Article
{
    public long Id { get; set; }

    /// <summary>URL without fragment and tracking parameters; with <see cref="Segment"/> it identifies the article.</summary>
    public required string CanonicalUrl { get; set; }

    /// <summary>0 for a normal page; 1..n for the articles of a multi-article page.</summary>
    public int Segment { get; set; }

    public int OutletId { get; set; }
    public Outlet Outlet { get; set; } = null!;

    public required string Title { get; set; }
    public string? Byline { get; set; }
    public string? Dateline { get; set; }
    public string? Language { get; set; }

    /// <summary>Clean body: paragraphs and section headings in page order.</summary>
    public List<BodyBlock> Body { get; set; } = [];

    /// <summary>Body as plain text, paragraphs separated by blank lines; what search and the pipeline read.</summary>
    public required string Text { get; set; }

    /// <summary>
    /// When it was published, as every page, list, count and pipeline step reads it: an editor's correction when there is
    /// one, else what the page says (<see cref="MachinePublishedAt"/>). Null when neither says. Set only through
    /// <see cref="Dates.PublicationDay.Published"/>, so reprocessing never undoes a correction.
    /// </summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When the outlet says it published (the extractor's reading of the page); null when nothing on the page says so.</summary>
    public DateTimeOffset? MachinePublishedAt { get; set; }

    /// <summary>True when <see cref="MachinePublishedAt"/> was inferred from the text rather than printed by the page.</summary>
    public bool PublishedInferred { get; set; }

    /// <summary>An editor's correction of the publication time, kept beside the machine's; null when none.</summary>
    public DateTimeOffset? PublishedAtByEditor { get; set; }

    /// <summary>The e-mail of the editor who set <see cref="PublishedAtByEditor"/>, when and why (the audit log has the full story).</summary>
    public string? PublishedAtEditedBy { get; set; }

    public DateTimeOffset? PublishedAtEditedAt { get; set; }
    public string? PublishedAtEditReason { get; set; }

    /// <summary>
    /// Counts editors' changes to this article (relevance, publication date), so a form sent from an older version is
    /// refused instead of silently overwriting a colleague's change. The pipeline never changes it.
    /// </summary>
    public int EditVersion { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }

    /// <summary>When we first stored it: kept across revisions.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>When we last stored a changed revision.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Hex SHA-256 of title and text, to tell a changed article from a re-fetch.</summary>
    public required string ContentHash { get; set; }

    public int Revision { get; set; } = 1;

    public long? CaptureId { get; set; }
    public Capture? Capture { get; set; }

    public bool IsSample { get; set; }

    public List<ArticleRevision> Revisions { get; set; } = [];

    // --- Relevance: scored by the pipeline; an editor's override wins and survives re-processing.

    public double? RelevanceScore { get; set; }
    public List<string> RelevanceReasons { get; set; } = [];
    public bool? RelevanceOverride { get; set; }

    /// <summary>The effective decision: the override when set, else the score. Off-topic articles are never counted as coverage.</summary>
    public bool OnTopic { get; set; } = true;

    // --- Near-duplicates and stories.

    /// <summary>Sketch of the body shingles (ShingleSketch bytes), for the near-duplicate index.</summary>
    public byte[]? Signature { get; set; }

    /// <summary>The earlier article this one copies (a wire copy, a republication); null for originals.</summary>
    public long? DuplicateOfId { get; set; }
    public Article? DuplicateOf { get; set; }
    public double? DuplicateSimilarity { get; set; }

    public long? StoryId { get; set; }
    public Story? Story { get; set; }

    /// <summary>Set by an editor's split: clustering keeps this article where it is.</summary>
    public bool StoryPinned { get; set; }

    /// <summary>When the story step last handled this article; null means pending.</summary>
    public DateTimeOffset? ClusteredAt { get; set; }

    /// <summary>
    /// The order in which the story step handled articles. Replaying them in this order rebuilds the
    /// clusterer's state exactly, whatever order their publication dates suggest.
    /// </summary>
    public long? ClusterSeq { get; set; }

    /// <summary>When the entity, date and event step last read this article; null means pending.</summary>
    public DateTimeOffset? EventsAt { get; set; }

    /// <summary>
    /// The publication day worked out for an article whose page printed none (from its story's dated reports and
    /// the weekdays it names); null when it printed one or nothing is safe. Shown as inferred.
    /// </summary>
    public DateOnly? InferredPublishedOn { get; set; }

    public List<ArticleEntity> Entities { get; set; } = [];
}

public sealed class BodyBlock
{
    public BodyBlockKind Kind { get; set; }
    public required string Text { get; set; }
}

public enum BodyBlockKind
{
    Paragraph,
    Heading,
}

/// <summary>A superseded version of an article, kept when a re-fetch changes it.</summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int Revision { get; set; }
    public required string Title { get; set; }
    public List<BodyBlock> Body { get; set; } = [];
    public required string Text { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ModifiedAt { get; set; }
    public long? CaptureId { get; set; }

    /// <summary>When this version stopped being current.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
}
