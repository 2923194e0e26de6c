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

    /// <summary>When the outlet says it published; null when nothing on the page says so.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>True when <see cref="PublishedAt"/> was inferred from the text rather than printed by the page.</summary>
    public bool PublishedInferred { get; set; }

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
