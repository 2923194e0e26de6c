namespace KazakhUnrest.Core.Stories;

/// <summary>What the clusterer reads of an article. Ids must increase with publication order when replaying.</summary>
public sealed record ArticleFeatures(long Id, string Outlet, DateTimeOffset Time, string Title, string Text, bool OnTopic);

/// <summary>
/// The clusterer's decision. <see cref="StoryId"/> is <see cref="StoryClusterer.NoStory"/> (0) for an off-topic
/// article: it is coverage of nothing, so it belongs to no story.
/// </summary>
public readonly record struct StoryAssignment(long StoryId, bool NewStory, long? DuplicateOf, double Similarity);
