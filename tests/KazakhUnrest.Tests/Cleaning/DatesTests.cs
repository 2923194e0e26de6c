using KazakhUnrest.Core.Cleaning;
using KazakhUnrest.Core.Dates;

namespace KazakhUnrest.Tests.Cleaning;

// The namespace KazakhUnrest.Tests.Dates (the date resolver tests) would otherwise hide this class.
using Dates = KazakhUnrest.Core.Cleaning.Dates;

public sealed class DatesTests
{
    [Theory]
    [InlineData("March 3, 2021 at 09:30 GMT +00:00 · Published", "2021-03-03T09:30:00+00:00")]
    [InlineData("March 3, 2021 at 09:30 GMT +06:00", "2021-03-03T03:30:00+00:00")]
    [InlineData("Published: 3 March 2021, 4:15 pm", "2021-03-03T16:15:00+00:00")]
    [InlineData("Wednesday, March 03, 2021", "2021-03-03T00:00:00+00:00")]
    [InlineData("2021-03-03T10:00+03:00", "2021-03-03T07:00:00+00:00")]
    [InlineData("03.03.2021 12:00", "2021-03-03T12:00:00+00:00")]
    [InlineData("3 марта 2021 г.", "2021-03-03T00:00:00+00:00")]
    [InlineData("Steppe Herald | Wednesday, March 3, 2021 | Page 4", "2021-03-03T00:00:00+00:00")]
    public void Date_lines_are_read_as_utc(string line, string expected)
    {
        var dateLine = Dates.ParseDateLine(line);
        Assert.NotNull(dateLine);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), dateLine.Value);
        Assert.Equal(TimeSpan.Zero, dateLine.Value.Offset);
    }

    [Theory]
    [InlineData("The council met on March 3, 2021 to approve the plan for the new market hall.")]
    [InlineData("February 30, 2021")]
    [InlineData("In 2021 prices rose")]
    public void Sentences_and_impossible_dates_are_not_date_lines(string line) => Assert.Null(Dates.ParseDateLine(line));

    [Fact]
    public void Update_lines_and_bylines_are_told_apart()
    {
        var updated = Dates.ParseDateLine("Updated March 4, 2021");
        Assert.True(updated!.IsUpdate);
        Assert.Equal("Example Desk", Dates.ParseDateLine("March 4, 2021 by Example Desk")!.Byline);
    }

    [Fact]
    public void A_printed_date_line_and_the_place_line_beside_it_become_metadata()
    {
        var article = Assert.Single(TextCaptureCleaner.Clean("""
            Metro line extended to the airport

            Mongolia, Ulaanbaatar
            June 14, 2021 at 08:00 GMT +00:00 · Published
            Updated June 15, 2021

            The extension adds four stations and runs every six minutes at peak hours.
            """).Articles);
        Assert.Equal(new DateTimeOffset(2021, 6, 14, 8, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateTimeOffset(2021, 6, 15, 0, 0, 0, TimeSpan.Zero), article.Modified);
        Assert.Equal("text", article.PublishedSource);
        Assert.False(article.PublishedInferred);
        Assert.Equal("Mongolia, Ulaanbaatar", article.Dateline);
        Assert.Equal("The extension adds four stations and runs every six minutes at peak hours.", article.Text);
    }

    [Fact]
    public void A_weekday_is_resolved_against_the_capture_date()
    {
        var article = TextCaptureCleaner.Clean(
            "The theatre announced its winter programme on Monday, with three new plays.",
            capturedAt: new DateTimeOffset(2021, 11, 17, 20, 0, 0, TimeSpan.Zero)).Articles[0];
        Assert.Equal(new DateTimeOffset(2021, 11, 15, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.True(article.PublishedInferred);
        Assert.Equal("text-relative", article.PublishedSource);
    }

    [Fact]
    public void A_weekday_is_resolved_against_a_dated_mention_in_the_text()
    {
        var published = PublicationDay.FromText(
            "The strike began on Monday, November 15, 2021. On Wednesday the union met the employers.", capturedAt: (DateTimeOffset?)null);
        Assert.Equal(new DateTimeOffset(2021, 11, 17, 0, 0, 0, TimeSpan.Zero), published);
    }

    [Fact]
    public void A_month_day_without_year_takes_the_capture_year()
    {
        var published = PublicationDay.FromText(
            "Talks opened on December 28 and the deal was signed on Thursday.",
            (DateTimeOffset?)new DateTimeOffset(2022, 1, 3, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2021, 12, 30, 0, 0, 0, TimeSpan.Zero), published);
    }

    [Fact]
    public void A_weekday_announced_as_coming_does_not_date_the_report() =>
        Assert.Null(PublicationDay.FromText("The vote is due next Friday.", (DateTimeOffset?)new DateTimeOffset(2021, 11, 17, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_date_in_the_url_dates_a_single_article_unless_the_page_prints_one()
    {
        var url = new Uri("https://example.org/news/2021/11/16/theatre-season");
        var fromUrl = TextCaptureCleaner.Clean("The theatre announced its winter programme on Monday.", url).Articles[0];
        Assert.Equal(new DateTimeOffset(2021, 11, 16, 0, 0, 0, TimeSpan.Zero), fromUrl.Published);
        Assert.Equal("url", fromUrl.PublishedSource);
        var printed = TextCaptureCleaner.Clean("November 15, 2021\nThe theatre announced its winter programme.", url).Articles[0];
        Assert.Equal(new DateTimeOffset(2021, 11, 15, 0, 0, 0, TimeSpan.Zero), printed.Published);
    }

    [Theory]
    [InlineData("The theatre announced its winter programme on Monday.")]
    [InlineData("The theatre announced on December 2 that it would reopen.")]
    public void Nothing_is_inferred_without_a_safe_anchor(string text) => Assert.Null(PublicationDay.FromText(text, capturedAt: (DateTimeOffset?)null));

    [Theory]
    [InlineData("ALMATY — Trams ran again on Monday.", "ALMATY")]
    [InlineData("UST-KAMENOGORSK, Kazakhstan — The river rose overnight.", "UST-KAMENOGORSK")]
    [InlineData("NUR-SULTAN (Example Wire) - Talks resumed.", "NUR-SULTAN")]
    [InlineData("The mayor — who took office in May — resigned.", null)]
    public void Datelines_are_read_from_the_opening_capitals(string paragraph, string? expected) =>
        Assert.Equal(expected, Datelines.FromOpening(paragraph));
}
