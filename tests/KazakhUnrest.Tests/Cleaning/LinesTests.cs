using KazakhUnrest.Core.Cleaning;

namespace KazakhUnrest.Tests.Cleaning;

public sealed class LinesTests
{
    [Fact]
    public void Line_endings_spaces_and_invisible_characters_are_normalised() =>
        Assert.Equal(
            new[] { "First line here.", "Second line, with a gap." },
            Lines.Split("\u00a0First\u200b line  here.\r\n\r\n\tSecond line,\u00a0 with a gap.\r"));

    [Theory]
    [InlineData("He said it was over.", true)]
    [InlineData("“It is over,” he said.”", true)]
    [InlineData("Is it over?", false)]
    [InlineData("Prices at the pump", false)]
    public void Prose_closes_a_sentence_and_has_a_few_words(string line, bool expected) =>
        Assert.Equal(expected, Lines.IsProse(line));
}
