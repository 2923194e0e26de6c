using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Core.Tags;

/// <summary>An editors' label ("death toll", "internet shutdown") put on articles and stories.</summary>
public sealed class Tag
{
    public int Id { get; set; }

    /// <summary>What readers see; editors may rename it, so nothing refers to a tag by its name.</summary>
    public required string Name { get; set; }

    /// <summary>The tag's address (<c>/tags/{slug}</c>, <c>tag=slug</c>); fixed at creation so links and filters keep working after a rename.</summary>
    public required string Slug { get; set; }

    public string? Description { get; set; }

    /// <summary>A retired tag stays on what it tagged and keeps its page, but is no longer offered for new tagging.</summary>
    public bool Retired { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ArticleTag> Articles { get; set; } = [];
}

/// <summary>A tag on an article. Articles keep their ids across re-extraction and re-filing, so these rows need no replay.</summary>
public sealed class ArticleTag
{
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>The e-mail of the editor who added it.</summary>
    public required string AddedBy { get; set; }
}

/// <summary>
/// A tag on a story, held by one of the story's articles (its anchor) rather than by the story's number: re-clustering
/// renumbers and dissolves machine-made stories, but an article stays, and the tag is on whichever story holds its
/// anchor now (merges included).
/// </summary>
public sealed class StoryTag
{
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;

    /// <summary>The story's headline article when tagged (else its first article).</summary>
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;

    /// <summary>The story's number when tagged, for the record only: the tag follows <see cref="ArticleId"/>.</summary>
    public long TaggedStoryId { get; set; }

    public DateTimeOffset AddedAt { get; set; }
    public required string AddedBy { get; set; }
}

public static class TagLimits
{
    public const int Name = 100;
    public const int Slug = 100;
    public const int Description = 1000;
}
