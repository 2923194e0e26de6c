using KazakhUnrest.Core.Cleaning;

namespace KazakhUnrest.Tests.Cleaning;

public sealed class BrokenParagraphsTests
{
    [Fact]
    public void A_break_inside_a_spaced_compound_is_rejoined_and_the_compound_closed() =>
        Assert.Equal(
            new[] { "The line will carry freight on the Mongolia-Central Asia corridor from next spring." },
            BrokenParagraphs.Rejoin(["The line will carry freight on the Mongolia- Central", "Asia corridor from next spring."]));

    [Fact]
    public void A_line_ending_on_a_hyphen_is_continued_without_a_space() =>
        Assert.Equal(
            new[] { "The council approved a cross-border bus route on Friday." },
            BrokenParagraphs.Rejoin(["The council approved a cross-", "border bus route on Friday."]));

    [Fact]
    public void A_lower_case_line_continues_a_sentence_cut_short() =>
        Assert.Equal(
            new[] { "Water from the new canal reached the first villages in the valley last week." },
            BrokenParagraphs.Rejoin(["Water from the new canal reached the first villages", "in the valley last week."]));

    [Fact]
    public void A_heading_is_not_glued_to_the_paragraph_after_it() =>
        Assert.Equal(
            new[] { "What the ministry said", "The ministry said the canal would open in stages." },
            BrokenParagraphs.Rejoin(["What the ministry said", "The ministry said the canal would open in stages."]));

    [Fact]
    public void A_finished_sentence_is_not_joined_to_a_lower_case_line() =>
        Assert.Equal(
            new[] { "The canal opened.", "officials later said it leaked." },
            BrokenParagraphs.Rejoin(["The canal opened.", "officials later said it leaked."]));

    [Theory]
    [InlineData("Growth was 4 percent year- on- year.", "Growth was 4 percent year-on-year.")]
    [InlineData("It covers pre- and post-war housing.", "It covers pre- and post-war housing.")]
    [InlineData("Prices rose - sharply - in March.", "Prices rose - sharply - in March.")]
    public void Spaced_hyphens_close_except_suspended_ones(string line, string expected) =>
        Assert.Equal(expected, BrokenParagraphs.CloseSpacedHyphens(line));
}
