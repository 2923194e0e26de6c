using KazakhUnrest.Core.Stories;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 6, near-duplicates: a MinHash signature of the text, looked up among every article filed before (LSH), so a
/// wire copy, a republished or lightly edited text points to its original. The story step then files the copy with
/// its original's story without letting it weigh on the story's wording.
/// </summary>
public static class DuplicatesStep
{
    public static uint[] Signature(string text) => MinHash.Signature(text);

    /// <summary>Looks the article up and adds it, so later copies find it; the clusterer's finder holds every signature filed.</summary>
    public static DuplicateMatch Find(StoryClusterer clusterer, long articleId, uint[] signature) =>
        clusterer.Duplicates.Find(articleId, signature);
}
