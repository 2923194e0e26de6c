namespace KazakhUnrest.Core.Audit;

/// <summary>
/// One change made by a person: who, when, to what, the state before and after, and why. Append-only: the
/// application has no code path that edits or deletes one, and a trigger refuses UPDATE and DELETE in the database.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The account's id; kept as text, not a foreign key, so a disabled or removed account's entries stay.</summary>
    public required string ActorId { get; set; }

    /// <summary>The account's email at the time of the change, so the log reads without a join.</summary>
    public required string ActorEmail { get; set; }

    /// <summary>What was done, as <c>object.action</c> (for example <c>story.merge</c>, <c>tag.bulk-add</c>).</summary>
    public required string Kind { get; set; }

    /// <summary>The kind of object changed, one of <see cref="AuditObjects"/>.</summary>
    public required string ObjectType { get; set; }

    /// <summary>The changed object's id (a tag's slug, an article's number...).</summary>
    public required string ObjectId { get; set; }

    /// <summary>The object's state before the change as JSON (null when it was created).</summary>
    public string? Before { get; set; }

    /// <summary>The object's state after the change as JSON (null when it was removed).</summary>
    public string? After { get; set; }

    public string? Reason { get; set; }

    /// <summary>How many objects one bulk action touched (a tag applied to 20 articles is one entry of 20).</summary>
    public int Count { get; set; } = 1;

    /// <summary>Every article a bulk action touched, so each article's history shows it too.</summary>
    public List<long> ArticleIds { get; set; } = [];
}

/// <summary>The kinds of object whose history the site shows.</summary>
public static class AuditObjects
{
    public const string Article = "article";
    public const string Story = "story";
    public const string Outlet = "outlet";
    public const string Entity = "entity";
    public const string TimelineEntry = "timeline-entry";
    public const string Tag = "tag";
    public const string Account = "account";

    /// <summary>Every kind, for the log's filter (a value outside it names no object).</summary>
    public static readonly IReadOnlyList<string> All = [Article, Story, Outlet, Entity, TimelineEntry, Tag, Account];
}

public static class AuditLimits
{
    /// <summary>A reason is a sentence or two for the next editor; a page-long one belongs in a note elsewhere.</summary>
    public const int Reason = 500;
}
