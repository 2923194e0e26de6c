using KazakhUnrest.Core.Cleaning;

namespace KazakhUnrest.Tests.Cleaning;

public sealed class FurnitureLinesTests
{
    [Theory]
    [InlineData("We use cookies to improve your experience. By continuing you accept our cookie policy.")]
    [InlineData("Cookie settings")]
    [InlineData("Most read this week")]
    [InlineData("Top downloads of the day")]
    [InlineData("Show more")]
    [InlineData("Load more (12)")]
    [InlineData("03:27")]
    [InlineData("1:02:45")]
    [InlineData("Published")]
    [InlineData("Description")]
    [InlineData("Comments (4)")]
    [InlineData("Post a Comment")]
    [InlineData("View Source")]
    [InlineData("Share")]
    [InlineData("Advertisement")]
    [InlineData(">>> Grab this week's hottest gadget offers! <<<")]
    [InlineData("Shop now and save on winter boots")]
    [InlineData("Credit…Jane Roe/Example Wire")]
    [InlineData("Photo: Example Picture Desk")]
    [InlineData("Photo by Example Picture Desk")]
    [InlineData("© Example Media 2022")]
    [InlineData("A tram in the snow / Getty Images")]
    [InlineData("Home > World > Central Asia")]
    [InlineData("Follow us on Telegram")]
    [InlineData("Page 7")]
    [InlineData("B3")]
    [InlineData("Newspapers in English")]
    [InlineData("Newspapers from Mongolia")]
    [InlineData("-")]
    [InlineData("Поделиться")]
    public void Furniture_lines_are_recognised(string line) => Assert.True(FurnitureLines.IsFurniture(line), line);

    [Theory]
    [InlineData("Strikes spread to the western oil towns")]
    [InlineData("Prices at the pump")]
    [InlineData("The regulator said the cookies sold at the border market were safe to eat.")]
    [InlineData("Officials said they would publish the report next week.")]
    [InlineData("Photographers were kept away from the square on Tuesday.")]
    [InlineData("Steppe Herald")]
    public void Article_lines_are_kept(string line) => Assert.False(FurnitureLines.IsFurniture(line), line);

    [Fact]
    public void A_duration_glued_to_a_video_title_is_cut_off() =>
        Assert.Equal("Night trains resume across the steppe", FurnitureLines.StripGluedDuration("Night trains resume across the steppe02:15"));

    [Fact]
    public void A_time_inside_a_sentence_is_not_a_glued_duration() =>
        Assert.Equal("The curfew starts at 23:00", FurnitureLines.StripGluedDuration("The curfew starts at 23:00"));

    [Fact]
    public void Short_lines_printed_twice_on_a_page_are_furniture_but_sentences_are_not()
    {
        var repeated = FurnitureLines.RepeatedShortLines(["Latest videos", "A sentence.", "Latest videos", "A sentence."]);
        Assert.Equal(new[] { "Latest videos" }, repeated);
    }

    [Fact]
    public void The_cleaner_drops_furniture_and_keeps_the_article()
    {
        var page = TextCaptureCleaner.Clean("""
            This site uses cookies for analytics. Accept or manage your settings.
            Share
            The ferry to the northern islands ran again on Saturday after a week of storms.

            Passengers queued from dawn, and the first boat left the harbour at nine.
            Comments
            Post a Comment
            """);
        Assert.Equal(
            "The ferry to the northern islands ran again on Saturday after a week of storms.\n\nPassengers queued from dawn, and the first boat left the harbour at nine.",
            Assert.Single(page.Articles).Text);
    }
}
