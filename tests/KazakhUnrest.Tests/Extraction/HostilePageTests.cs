using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.DevTools.Hostile;
using KazakhUnrest.Scraper.Pipeline;

namespace KazakhUnrest.Tests.Extraction;

/// <summary>Each hostile page of issue 12 extracts to an article within the limits (the 50 MB one is refused before extraction, see the import tests).</summary>
public sealed class HostilePageTests
{
    private static readonly ExtractionLimits Limits = new();

    [Theory]
    [InlineData("nested-40k", "deeper than 512 levels")]
    [InlineData("nested-200k", "deeper than 512 levels")]
    [InlineData("elements-1m", "page cut after 100,000 elements")]
    [InlineData("title-5m", "title cut to 1,000 of 5,000,000 characters")]
    // The HTML parser drops NULs itself; a plain-text capture keeps them until the field caps take them out.
    [InlineData("nuls", null)]
    [InlineData("nuls-text", "control characters (NUL and the like) removed")]
    public void A_hostile_page_gives_its_report_within_the_limits_with_the_cut_named(string name, string? cut)
    {
        var file = HostilePages.FileName(name);
        var origin = file.EndsWith(".txt", StringComparison.Ordinal) ? CaptureOrigin.TextFile : CaptureOrigin.HtmlFile;
        var capture = new RawCapture(new Uri("capture:///" + file), HostilePages.Bytes(name), origin, DateTimeOffset.UnixEpoch);

        var page = ExtractStep.Run(capture, Limits);

        if (cut is not null)
        {
            Assert.Contains(page.Cuts, c => c.Contains(cut, StringComparison.Ordinal));
        }

        var article = Assert.Single(page.Articles);
        Assert.Contains(article.Blocks, b => b.Text.Replace(" ", "", StringComparison.Ordinal).Contains("120peoplewere", StringComparison.Ordinal));
        Assert.True((article.Title?.Length ?? 0) <= Limits.MaxTitleChars);
        Assert.True(article.Blocks.Count <= Limits.MaxBodyBlocks);
        Assert.DoesNotContain(article.Blocks, b => b.Text.Contains('\0', StringComparison.Ordinal));
        Assert.DoesNotContain('\0', article.Title ?? "");
    }
}
