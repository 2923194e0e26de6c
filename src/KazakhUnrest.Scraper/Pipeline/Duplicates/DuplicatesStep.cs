using KazakhUnrest.Core.Stories;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 6, near-duplicates: a sketch of the text's body shingles (<see cref="ShingleSketch"/>), looked up among every
/// article filed before, so a wire copy, a teaser, a republished or lightly edited text points to its original. The story step then files the copy with
/// its original's story without letting it weigh on the story's wording.
/// </summary>
public static class DuplicatesStep
{
    public static uint[] Signature(string text) => ShingleSketch.Of(text);

    /// <summary>The stored sketch, or one computed from the text when none was stored or it was stored by another layout.</summary>
    public static uint[] Signature(byte[]? stored, string text) =>
        stored is not null && ShingleSketch.FromBytes(stored) is { } sketch ? sketch : Signature(text);

    /// <summary>Looks the article up and adds it, so later copies find it; the clusterer's finder holds every sketch filed.</summary>
    public static DuplicateMatch Find(StoryClusterer clusterer, long articleId, uint[] signature) =>
        clusterer.Duplicates.Find(articleId, signature);
}
