using KazakhUnrest.Core.Cleaning;

namespace KazakhUnrest.Tests.Cleaning;

public sealed class RepeatedBlocksTests
{
    [Fact]
    public void A_block_printed_twice_is_kept_once()
    {
        var page = TextCaptureCleaner.Clean("""
            Reservoir levels fall to a ten-year low

            The upstream reservoir held a third of its usual volume by the end of the dry season.

            Farmers downstream asked for the release schedule to be published in advance.

            Reservoir levels fall to a ten-year low

            The upstream reservoir held a third of its usual volume by the end of the dry season.

            Farmers downstream asked for the release schedule to be published in advance.
            """);
        var article = Assert.Single(page.Articles);
        Assert.Equal("Reservoir levels fall to a ten-year low", article.Title);
        Assert.Equal(2, article.Blocks.Count);
    }

    [Fact]
    public void Later_copies_of_a_line_are_dropped_in_order() =>
        Assert.Equal(new[] { "a", "b", "c" }, RepeatedBlocks.KeepOnce(["a", "b", "a", "c", "b"]));
}
