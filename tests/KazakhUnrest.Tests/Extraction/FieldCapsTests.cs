using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

public sealed class FieldCapsTests
{
    private static readonly ExtractionLimits Limits = new();

    [Fact]
    public void An_ordinary_article_is_kept_as_it_is_with_no_cut()
    {
        var page = Page(new ExtractedArticle { Title = "Fuel protest in Zhanaozen", Byline = "By A. Writer", Blocks = [Paragraph("Protesters gathered.")] });

        var capped = FieldCaps.Apply(page, Limits);

        Assert.Empty(capped.Cuts);
        var article = Assert.Single(capped.Articles);
        Assert.Equal("Fuel protest in Zhanaozen", article.Title);
        Assert.Equal("By A. Writer", article.Byline);
        Assert.Same(page.Articles[0].Blocks[0], article.Blocks[0]);
    }

    [Fact]
    public void A_huge_title_is_cut_with_an_ellipsis_and_its_length_recorded()
    {
        var page = Page(new ExtractedArticle { Title = string.Join(' ', Enumerable.Repeat("word", 1_000_000)), Blocks = [Paragraph("Body.")] });

        var capped = FieldCaps.Apply(page, Limits);

        var title = Assert.Single(capped.Articles).Title!;
        Assert.True(title.Length <= Limits.MaxTitleChars, $"{title.Length} characters");
        Assert.EndsWith("word…", title, StringComparison.Ordinal);
        Assert.Equal("title cut to 1,000 of 4,999,999 characters", Assert.Single(capped.Cuts));
    }

    [Fact]
    public void Control_characters_are_removed_from_every_field_and_counted()
    {
        var hostile = new ExtractedArticle
        {
            Title = "Fuel\0 protest",
            Byline = "By\u0001 A. Writer",
            Blocks = [Paragraph("Protesters\0 gathered.\nPolice\tcame."), Paragraph("\0\0\0")],
        };
        var page = new ExtractedPage { SiteName = "Steppe\0 Wire", Articles = [hostile] };

        var capped = FieldCaps.Apply(page, Limits);

        var article = Assert.Single(capped.Articles);
        Assert.Equal("Fuel protest", article.Title);
        Assert.Equal("By A. Writer", article.Byline);
        Assert.Equal("Steppe Wire", capped.SiteName);
        // Line breaks and tabs are text; a paragraph that was nothing but NULs is gone.
        Assert.Equal("Protesters gathered.\nPolice\tcame.", Assert.Single(article.Blocks).Text);
        Assert.Equal("7 control characters (NUL and the like) removed", Assert.Single(capped.Cuts));
    }

    [Fact]
    public void A_long_paragraph_is_cut_and_so_is_a_body_past_its_paragraph_count()
    {
        var blocks = Enumerable.Range(0, 150).Select(i => Paragraph($"Paragraph {i}.")).Prepend(Paragraph(new string('x', 30_000))).ToList();
        var limits = Limits with { MaxBodyBlocks = 100 };

        var capped = FieldCaps.Apply(Page(new ExtractedArticle { Title = "T", Blocks = blocks, Segment = 2 }), limits);

        var article = Assert.Single(capped.Articles);
        Assert.Equal(100, article.Blocks.Count);
        Assert.Equal(limits.MaxParagraphChars, article.Blocks[0].Text.Length);
        Assert.Equal("Paragraph 98.", article.Blocks[^1].Text);
        Assert.Equal(
        [
            "1 paragraphs of segment 2 cut to 20,000 characters (the longest had 30,000)",
            "body of segment 2 cut to 100 of 151 paragraphs, 21,277 of 31,990 characters (limits 100 paragraphs, 500,000 characters)",
        ], capped.Cuts);
    }

    [Fact]
    public void A_body_past_its_character_count_is_cut_at_a_paragraph()
    {
        var blocks = Enumerable.Range(0, 40).Select(_ => Paragraph(new string('y', 15_000))).ToList();
        var limits = Limits with { MaxBodyChars = 100_000 };

        var capped = FieldCaps.Apply(Page(new ExtractedArticle { Title = "T", Blocks = blocks }), limits);

        Assert.Equal(6, Assert.Single(capped.Articles).Blocks.Count);
        Assert.StartsWith("body cut to 6 of 40 paragraphs, 90,000 of 600,000 characters", Assert.Single(capped.Cuts), StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_name_fits_the_outlet_name_column_and_earlier_cuts_are_kept()
    {
        var page = Page(new ExtractedArticle { Title = "T", Blocks = [Paragraph("Body.")] }) with
        {
            SiteName = new string('S', 5_000),
            Cuts = ["page cut after 100,000 elements, at character 9 of 10"],
        };

        var capped = FieldCaps.Apply(page, Limits);

        Assert.True(capped.SiteName!.Length <= ExtractionLimits.MaxSiteNameChars);
        Assert.Equal(["page cut after 100,000 elements, at character 9 of 10", "site name cut to 200 of 5,000 characters"], capped.Cuts);
    }

    private static ExtractedPage Page(ExtractedArticle article) => new() { Articles = [article] };

    private static BodyBlock Paragraph(string text) => new() { Kind = BodyBlockKind.Paragraph, Text = text };
}
