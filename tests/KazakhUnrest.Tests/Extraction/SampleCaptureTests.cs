using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

/// <summary>The project's own sample pages (samples/capture) extract as the manifest describes.</summary>
public sealed class SampleCaptureTests
{
    private static ExtractedPage Extract(string prefix) =>
        HtmlExtractor.Extract(CharsetDetector.Decode(File.ReadAllBytes(RepositoryPaths.Sample(prefix)), null));

    [Theory]
    [InlineData("001", "Residents of Kazakh oil town protest as car gas price doubles", "2022-01-02")]
    [InlineData("003", "Правительство снизило цену на сжиженный газ в Мангистауской области до 50 тенге", "2022-01-04")]
    [InlineData("018", "Notes from the blackout", "2022-01-06")]
    [InlineData("022", "Xi sends verbal message to Tokayev, opposes 'color revolution' attempts", "2022-01-07")]
    public void Title_and_local_publication_day(string prefix, string title, string day)
    {
        var article = Assert.Single(Extract(prefix).Articles);
        Assert.Equal(title, article.Title);
        Assert.Equal(day, article.Published?.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("001", "ZHANAOZEN")]
    [InlineData("003", "НУР-СУЛТАН")]
    [InlineData("022", "BEIJING")]
    public void Dateline(string prefix, string place) => Assert.Equal(place, Extract(prefix).Articles[0].Dateline);

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("007")]
    [InlineData("010")]
    [InlineData("015")]
    [InlineData("035")]
    public void Body_has_no_cookie_share_related_or_comment_text(string prefix)
    {
        var text = Assert.Single(Extract(prefix).Articles).Text;
        Assert.DoesNotContain("cookie", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Share", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Related", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Comment", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SAMPLE DATA", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_page_027_splits_into_three_credited_segments()
    {
        var page = Extract("027");
        Assert.Equal([1, 2, 3], page.Articles.Select(a => a.Segment));
        Assert.Equal(["Almaty Independent", "Baikal News Agency", "Rheinwelle International"], page.Articles.Select(a => a.OriginalOutlet));
        Assert.All(page.Articles, a => Assert.Equal(8, a.Published?.Day));
        Assert.Contains("more than 4,400 people", page.Articles[2].Text);
        Assert.DoesNotContain("Trending", string.Concat(page.Articles.Select(a => a.Text)));
    }

    [Fact]
    public void Page_035_with_an_unclosed_paragraph_still_extracts()
    {
        var article = Assert.Single(Extract("035").Articles);
        Assert.Contains("was reported arrested for treason.", article.Text);
        Assert.Contains("nobody outside a small circle knows", article.Text);
        Assert.Equal(4, article.Blocks.Count(b => b.Text.Length > 100));
    }
}
