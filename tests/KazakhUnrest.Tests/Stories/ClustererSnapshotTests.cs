using KazakhUnrest.Core.Stories;
using KazakhUnrest.DevTools.Generate;

namespace KazakhUnrest.Tests.Stories;

/// <summary>A process that starts from another's snapshot and files the rest must end exactly where one process filing everything ends.</summary>
public sealed class ClustererSnapshotTests
{
    private static readonly IReadOnlyList<ArticleFeatures> Articles = CorpusGenerator.Generate(2_400, 5).Articles
        .Select((a, i) => new ArticleFeatures(i + 1, a.Outlet.Slug, a.Published, a.Title, a.Text, a.OnTopic, true, ArticleFeatures.EntitiesOf(a.Title, a.Text)))
        .ToList();

    [Fact]
    public void Snapshot_then_the_rest_gives_the_same_stories_and_state_as_one_run()
    {
        var options = new StoryClustererOptions();
        var one = new StoryClusterer(options);
        var expected = Articles.Select(a => one.Add(a)).ToList();

        var first = new StoryClusterer(options);
        var half = Articles.Count / 2;
        foreach (var article in Articles.Take(half))
        {
            first.Add(article);
        }

        var resumed = StoryClusterer.ReadSnapshot(new MemoryStream(Bytes(first)), options, SignaturesOf)!;
        var rest = Articles.Skip(half).Select(a => resumed.Add(a)).ToList();

        Assert.True(expected.Count(a => a.StoryId != StoryClusterer.NoStory) > 1_000, "the corpus files most articles into stories");
        Assert.Equal(expected.Skip(half), rest);
        Assert.Equal(Bytes(one), Bytes(resumed));
    }

    [Fact]
    public void Merges_and_pins_are_part_of_the_snapshot()
    {
        var options = new StoryClustererOptions();
        var clusterer = new StoryClusterer(options);
        var assigned = Articles.Take(300).Select(a => clusterer.Add(a)).ToList();
        var stories = assigned.Where(a => a.StoryId != StoryClusterer.NoStory).Select(a => a.StoryId).Distinct().Take(2).ToList();
        clusterer.Merge(stories[1], stories[0]);
        clusterer.Pin(Articles[0].Id, StoryEditing.FirstEditorStoryId);

        var resumed = StoryClusterer.ReadSnapshot(new MemoryStream(Bytes(clusterer)), options, SignaturesOf)!;

        Assert.Equal(stories[0], resumed.StoryOf(assigned.FindIndex(a => a.StoryId == stories[1]) + 1));
        Assert.Equal(StoryEditing.FirstEditorStoryId, resumed.StoryOf(Articles[0].Id));
        Assert.Equal(Bytes(clusterer), Bytes(resumed));
    }

    [Fact]
    public void A_snapshot_of_another_layout_is_refused_not_misread()
    {
        var bytes = Bytes(new StoryClusterer());
        bytes[0] ^= 0x7f;
        Assert.Null(StoryClusterer.ReadSnapshot(new MemoryStream(bytes), new StoryClustererOptions(), SignaturesOf));
    }

    /// <summary>What the articles table holds for the scraper: each article's sketch.</summary>
    private static readonly Dictionary<long, uint[]> Signatures = Articles.ToDictionary(a => a.Id, a => ShingleSketch.Of(a.Text));

    private static IReadOnlyDictionary<long, uint[]> SignaturesOf(IReadOnlyList<long> ids) => ids.ToDictionary(id => id, id => Signatures[id]);

    private static byte[] Bytes(StoryClusterer clusterer)
    {
        using var stream = new MemoryStream();
        clusterer.WriteSnapshot(stream);
        return stream.ToArray();
    }
}
