using KazakhUnrest.Core.Cleaning;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Tests.Cleaning;

public sealed class HeadlinesTests
{
    [Fact]
    public void Masthead_headline_standfirst_and_caption_are_told_apart()
    {
        var article = Assert.Single(TextCaptureCleaner.Clean("""
            Steppe Herald

            New bridge links the two banks of the river

            The crossing, four years in the making, cuts the trip between the old town and the station from an hour to ten minutes

            March 3, 2021 by Steppe Herald Staff
            The bridge at dusk

            The bridge opened to traffic on Wednesday morning after a short ceremony attended by the mayor.

            Drivers said the queues at the old ferry had disappeared within hours.
            """).Articles);
        Assert.Equal("New bridge links the two banks of the river", article.Title);
        Assert.StartsWith("The crossing, four years in the making", article.Standfirst, StringComparison.Ordinal);
        Assert.Equal("Steppe Herald Staff", article.Byline);
        Assert.StartsWith("The bridge opened to traffic", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("at dusk", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_headline_printed_twice_is_kept_once_as_the_title()
    {
        var article = Assert.Single(TextCaptureCleaner.Clean("""
            Steppe rail reopens
            Share
            Steppe rail reopens
            By Jane Roe and John Doe
            Trains between the two regional capitals ran again on Friday after flood repairs.
            """).Articles);
        Assert.Equal("Steppe rail reopens", article.Title);
        Assert.Equal("Jane Roe and John Doe", article.Byline);
        Assert.Equal("Trains between the two regional capitals ran again on Friday after flood repairs.", article.Text);
    }

    [Fact]
    public void A_page_opening_on_running_text_has_no_title()
    {
        var article = Assert.Single(TextCaptureCleaner.Clean("""
            The library will stay open late during exam weeks. Students asked for the change last year.
            Longer hours
            The reading rooms will close at midnight instead of eight in the evening.
            """).Articles);
        Assert.Null(article.Title);
        Assert.Equal(BodyBlockKind.Heading, article.Blocks[1].Kind);
        Assert.Equal("Longer hours", article.Blocks[1].Text);
    }

    [Theory]
    [InlineData("Grain exports hit a record as harvest beats forecasts", true)]
    [InlineData("Will the new rail line pay for itself?", true)]
    [InlineData("Steppe Herald", false)]
    [InlineData("Officials said the line would open next year.", false)]
    [InlineData("Ministers met to discuss the budget:", false)]
    public void Headline_lines_are_short_and_not_sentences(string line, bool expected) =>
        Assert.Equal(expected, Headlines.IsHeadline(line));

    [Theory]
    [InlineData("After a dry summer, farmers in the south begin to sell their herds.", true)]
    [InlineData("Meanwhile, the ministry promised subsidies for fodder.", false)]
    [InlineData("“We have nothing left to feed them,” one farmer said.", false)]
    [InlineData("Farmers sold their herds. Prices fell.", false)]
    public void Headlines_ending_with_a_full_stop_are_single_plain_sentences(string line, bool expected) =>
        Assert.Equal(expected, Headlines.IsSentenceHeadline(line));

    [Fact]
    public void Footer_lines_after_the_last_paragraph_are_not_headings()
    {
        var blocks = TextBodyBlocks.Build(["Roads reopened after the snowstorm.", "Related coverage", "Weather desk"]);
        Assert.Equal("Roads reopened after the snowstorm.", Assert.Single(blocks).Text);
    }
}
