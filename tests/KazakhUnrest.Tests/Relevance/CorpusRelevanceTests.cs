using KazakhUnrest.Tests.Cleaning;
using Xunit.Abstractions;

namespace KazakhUnrest.Tests.Relevance;

/// <summary>The hand-annotated seeds and the project's sample capture, scored end to end after extraction.</summary>
public sealed class CorpusRelevanceTests(ITestOutputHelper output)
{
    /// <summary>The sample capture's only off-topic page: a football transfer that names Kazakhstan's league once.</summary>
    private const string FootballPage = "041-";

    private const string DigestPage = "027-";

    [Theory]
    [MemberData(nameof(SeedCorpus.SegmentIds), MemberType = typeof(SeedCorpus))]
    public void Seed_segment_is_on_topic_as_annotated(string id)
    {
        var segment = SeedCorpus.Segment(id);
        var result = Scoring.Of(segment.Article);
        output.WriteLine($"{id}: {Scoring.Explain(result)}");
        Assert.True(segment.Gold.GetProperty("on_topic").GetBoolean() == result.OnTopic, Scoring.Explain(result));
    }

    [Theory]
    [MemberData(nameof(SampleCapture.Files), MemberType = typeof(SampleCapture))]
    public void Sample_page_is_on_topic_unless_it_is_the_football_report(string file)
    {
        var page = SampleCapture.Page(file);
        Assert.NotEmpty(page.Articles);
        foreach (var article in page.Articles)
        {
            var result = Scoring.Of(article);
            output.WriteLine($"{file} #{article.Segment}: {Scoring.Explain(result)}");
            Assert.True(result.OnTopic != file.StartsWith(FootballPage, StringComparison.Ordinal), Scoring.Explain(result));
        }
    }

    [Fact]
    public void Every_section_of_the_digest_page_is_on_topic()
    {
        var file = SampleCapture.Names.Single(name => name.StartsWith(DigestPage, StringComparison.Ordinal));
        var articles = SampleCapture.Page(file).Articles;
        Assert.Equal(3, articles.Count);
        Assert.All(articles, article => Assert.True(Scoring.Of(article).OnTopic, Scoring.Explain(Scoring.Of(article))));
    }
}
