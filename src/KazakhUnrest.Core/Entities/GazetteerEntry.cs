namespace KazakhUnrest.Core.Entities;

public enum EntityKind
{
    Country,
    Person,
    Organisation,
    Place,
}

/// <summary>
/// One entity as the matcher knows it. The seed file and editor-made database rows use the same shape; a row
/// with the <see cref="Id"/> of a seed entity only adds names to it.
/// </summary>
public sealed record GazetteerEntry
{
    /// <summary>Stable slug ("kassym-jomart-tokayev", "kazakhstan"): the database keys on it, so never rename one.</summary>
    public required string Id { get; init; }

    public required EntityKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>Other names in any script; an all-capitals alias of up to five letters ("US", "AP") only matches in capitals.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// Descriptive references ("Russian-led military alliance"). "{adj}" stands for each adjective and "{country}" for the
    /// name of the entry's <see cref="Country"/>, so "{adj} president" reads "Kazakh president" and "Kazakhstani president".
    /// </summary>
    public IReadOnlyList<string> Descriptions { get; init; } = [];

    /// <summary>
    /// Countries only: "Kazakh", "Russian". Not mentions of the country by themselves, because they as often name a
    /// language, an ethnic group or its people ("ethnic Russians", "Kazakh-language media"); they fill descriptions and
    /// tell which country a "Foreign Ministry" belongs to.
    /// </summary>
    public IReadOnlyList<string> Adjectives { get; init; } = [];

    /// <summary>People only: the family name used after "Mr." when it is not the last word of the name ("Xi" of Xi Jinping).</summary>
    public IReadOnlyList<string> Surnames { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 code of a country.</summary>
    public string? Iso { get; init; }

    /// <summary>ISO code of the country a person, organisation or place belongs to.</summary>
    public string? Country { get; init; }

    /// <summary>
    /// A kind of body every country has ("Foreign Ministry"): a mention resolves to "{Id}-{iso}" for the country
    /// the text ties it to, so the ids of Kazakhstan's and China's foreign ministries differ.
    /// </summary>
    public bool PerCountry { get; init; }
}
