namespace KazakhUnrest.Core.Data;

/// <summary>A publisher: the unit journalists compare coverage by.</summary>
public sealed class Outlet
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Stable, URL-safe key; also how captures and the sources file name the outlet.</summary>
    public required string Slug { get; set; }

    public string? Homepage { get; set; }

    /// <summary>ISO 3166-1 alpha-2; null while the outlet is undescribed.</summary>
    public string? Country { get; set; }

    public OutletKind Kind { get; set; } = OutletKind.Undescribed;

    /// <summary>ISO 639-1 of the outlet's main language.</summary>
    public string? Language { get; set; }

    public string? Description { get; set; }

    /// <summary>
    /// The fields an editor set (<see cref="OutletFields"/>): the outlets file and the pipeline leave them alone on later
    /// runs, so an editor's description is never overwritten by the file it corrected.
    /// </summary>
    public List<string> EditedFields { get; set; } = [];

    /// <summary>True for the fictional outlets of the bundled sample capture, so the UI can say so.</summary>
    public bool IsSample { get; set; }

    public List<Source> Sources { get; set; } = [];
    public List<Article> Articles { get; set; } = [];
}

/// <summary>The outlet fields an editor may describe, as named in <see cref="Outlet.EditedFields"/>.</summary>
public static class OutletFields
{
    public const string Kind = "kind";
    public const string Country = "country";
    public const string Language = "language";
    public const string Description = "description";
}

/// <summary>
/// A regional typology rather than a US left/right scale: for this crisis what matters is who owns
/// and steers the outlet.
/// </summary>
public enum OutletKind
{
    Undescribed,
    WireAgency,
    StateOwned,
    StateAffiliated,
    PublicBroadcaster,
    Independent,
    Exile,
    Aggregator,
    Blog,
}
