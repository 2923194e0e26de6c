using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Core.Data;

/// <summary>A country, person, organisation or place; seeded from the built-in gazetteer, extended by editors.</summary>
public sealed class Entity
{
    /// <summary>The gazetteer's stable slug ("kassym-jomart-tokayev", "foreign-ministry-cn").</summary>
    public required string Id { get; set; }

    public EntityKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2: the country itself, or the country the entity belongs to.</summary>
    public string? Country { get; set; }

    /// <summary>False for entities an editor created (from a candidate or by hand).</summary>
    public bool FromGazetteer { get; set; }

    public List<EntityAlias> Aliases { get; set; } = [];
}

/// <summary>Another name of an entity, in any script; a description ("the Kazakh leader") is an alias too.</summary>
public sealed class EntityAlias
{
    public long Id { get; set; }
    public required string EntityId { get; set; }
    public Entity Entity { get; set; } = null!;
    public required string Name { get; set; }
    public bool IsDescription { get; set; }

    /// <summary>Null for the gazetteer's own names; the editor otherwise.</summary>
    public string? AddedBy { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>
    /// The editor who removed the name, else null. A removed name stays as a row so the gazetteer sync does not add it
    /// back and the matcher leaves it out.
    /// </summary>
    public string? RemovedBy { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>An unknown name that looks like a person or organisation ("spokesperson X"), kept for editors to decide on.</summary>
public sealed class EntityCandidate
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public EntityKind Kind { get; set; }

    /// <summary>What made it look like a name: the title or word around it ("spokesman", "Mr.", "Ministry").</summary>
    public required string Cue { get; set; }

    public int Mentions { get; set; }
    public long FirstArticleId { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public CandidateStatus Status { get; set; }

    /// <summary>The entity it became (or was found to be) when promoted.</summary>
    public string? EntityId { get; set; }
}

public enum CandidateStatus
{
    Open,
    Promoted,
    Ignored,
}

/// <summary>Which entities an article mentions, how often, and where first (so a page can link the sentence).</summary>
public sealed class ArticleEntity
{
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public required string EntityId { get; set; }
    public Entity Entity { get; set; } = null!;
    public int Mentions { get; set; }
    public int FirstStart { get; set; }
    public int FirstLength { get; set; }
}
