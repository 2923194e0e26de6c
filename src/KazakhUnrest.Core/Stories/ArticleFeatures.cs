using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Core.Stories;

/// <summary>What the clusterer reads of an article. Ids must increase with publication order when replaying.</summary>
/// <param name="Dated">
/// False when the page gave no publication date and <paramref name="Time"/> is only when we first saw it:
/// such an article may join a story of any date, and does not stretch the story's dates.
/// </param>
/// <param name="Entities">Ids of the known entities mentioned, one per mention (see <see cref="EntitiesOf"/>); null when not looked up.</param>
public sealed record ArticleFeatures(long Id, string Outlet, DateTimeOffset Time, string Title, string Text, bool OnTopic, bool Dated = true,
    IReadOnlyList<string>? Entities = null)
{
    /// <summary>
    /// The entities the clusterer reads: from the built-in gazetteer only, never from editors' aliases, so that
    /// replaying the stored articles after a restart gives the same stories as the live run did.
    /// </summary>
    public static IReadOnlyList<string> EntitiesOf(string title, string text) =>
        EntityMatcher.Seed.Find(title + "\n\n" + text).Select(m => m.EntityId).ToList();
}

/// <summary>
/// The clusterer's decision. <see cref="StoryId"/> is <see cref="StoryClusterer.NoStory"/> (0) for an off-topic
/// article: it is coverage of nothing, so it belongs to no story.
/// </summary>
public readonly record struct StoryAssignment(long StoryId, bool NewStory, long? DuplicateOf, double Similarity);
