using KazakhUnrest.Core.Cleaning;

namespace KazakhUnrest.Tests.Cleaning;

public sealed class TextDigestSegmentsTests
{
    private const string Aggregated = """
        the committee will meet again in the spring, a spokeswoman said on Tuesday.

        Reporting was contributed by two correspondents in the capital.

        View Source

        >>> Unmissable offers on garden furniture! <<<

        Harvest festival returns to the river towns

        Credit…A. Photographer/Example Agency

        ALMATY — Stalls selling apricots and honey lined the embankment on Saturday as the festival came back.

        Organisers said more visitors came than in any year before the pandemic.

        View Source

        >>> Unmissable offers on garden furniture! <<<

        Cyclists finish a 900-kilometre steppe ride

        Twelve riders crossed the finish line after nine days on gravel roads and dirt tracks.

        View Source
        """;

    [Fact]
    public void Articles_closed_by_source_links_become_numbered_segments()
    {
        var page = TextCaptureCleaner.Clean(Aggregated);
        Assert.Equal(new[] { 1, 2, 3 }, page.Articles.Select(article => article.Segment));
        Assert.Equal(
            new string?[] { null, "Harvest festival returns to the river towns", "Cyclists finish a 900-kilometre steppe ride" },
            page.Articles.Select(article => article.Title));
    }

    [Fact]
    public void Each_segment_has_its_own_body_and_dateline()
    {
        var second = TextCaptureCleaner.Clean(Aggregated).Articles[1];
        Assert.StartsWith("ALMATY — Stalls selling apricots", second.Text, StringComparison.Ordinal);
        Assert.EndsWith("before the pandemic.", second.Text, StringComparison.Ordinal);
        Assert.Equal("ALMATY", second.Dateline);
        Assert.DoesNotContain("Credit", second.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("offers", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_capture_date_does_not_date_re_posted_segments()
    {
        var page = TextCaptureCleaner.Clean(Aggregated, capturedAt: new DateTimeOffset(2021, 9, 20, 0, 0, 0, TimeSpan.Zero));
        Assert.NotEmpty(page.Articles);
        Assert.All(page.Articles, article => Assert.Null(article.Published));
    }

    [Fact]
    public void A_single_article_is_segment_zero_even_with_a_trailing_source_link()
    {
        var page = TextCaptureCleaner.Clean("The museum reopened its textile hall after two years of repairs.\n\nView Source\n");
        Assert.Equal(0, Assert.Single(page.Articles).Segment);
    }

    [Theory]
    [InlineData("View Source", true)]
    [InlineData("Read the full article", true)]
    [InlineData("Source: Example Daily", true)]
    [InlineData("Sources close to the ministry said the talks had stalled.", false)]
    public void Source_links_are_recognised(string line, bool expected) => Assert.Equal(expected, TextDigestSegments.IsSourceLink(line));
}
