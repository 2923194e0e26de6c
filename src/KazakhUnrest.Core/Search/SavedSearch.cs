namespace KazakhUnrest.Core.Search;

/// <summary>
/// A search kept under a name. Its <see cref="Token"/> is the private address (<c>/search/saved/{token}</c>) that opens
/// it without an account; an owner's saved searches are also listed on their search page.
/// </summary>
public sealed class SavedSearch
{
    public long Id { get; set; }

    /// <summary>Random, URL-safe and unguessable: whoever holds it may open, rename or delete the search.</summary>
    public required string Token { get; set; }

    public required string Name { get; set; }

    /// <summary>The search as its address's query string (<c>q=…&amp;sort=date</c>), so a saved search is opened exactly as typed.</summary>
    public required string Query { get; set; }

    /// <summary>The account that saved it; null when saved by someone not signed in (then only the token reaches it).</summary>
    public string? OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its owner last opened it: matches first seen after this are "new".</summary>
    public DateTimeOffset LastVisitedAt { get; set; }
}

public static class SavedSearchLimits
{
    /// <summary>A name is a label in a list, not a description.</summary>
    public const int Name = 100;

    /// <summary>The longest query string a saved search keeps: the longest query (500) percent-encoded, with its options.</summary>
    public const int Query = 2000;

    public const int Token = 32;
}
