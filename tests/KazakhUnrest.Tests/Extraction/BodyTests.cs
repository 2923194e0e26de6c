using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

public sealed class BodyTests
{
    [Theory]
    [InlineData("ALMATY, Jan 5 (Reuters) - Protesters stormed the mayor's office on Wednesday.", "ALMATY")]
    [InlineData("MOSCOW — Russia said on Thursday it would send paratroopers to Kazakhstan.", "MOSCOW")]
    [InlineData("NUR-SULTAN, Kazakhstan, Jan 2 (Steppe Wire) - Several hundred people gathered.", "NUR-SULTAN")]
    [InlineData("Beijing, Jan. 7 (Xinhua) -- President Xi sent a verbal message.", "Beijing")]
    public void Dateline_is_reported_and_kept_in_the_paragraph(string opening, string place)
    {
        var article = Html.Single(Html.Page(article: $"<p>{opening}</p>" + Html.Body));
        Assert.Equal(place, article.Dateline);
        Assert.StartsWith(opening, article.Text);
    }

    [Fact]
    public void Ordinary_opening_has_no_dateline() =>
        Assert.Null(Html.Single(Html.Page()).Dateline);

    [Fact]
    public void Headings_become_heading_blocks_and_h1_is_the_title_not_a_block()
    {
        var article = Html.Single(Html.Page(article: "<h1>Title here</h1>" + Html.Body + "<h2>What happens next</h2><p>Officials promised talks with the protesters next week, the ministry said.</p>"));
        Assert.Contains(article.Blocks, b => b is { Kind: BodyBlockKind.Heading, Text: "What happens next" });
        Assert.DoesNotContain(article.Blocks, b => b.Text == "Title here");
    }

    [Fact]
    public void Block_repeated_on_the_page_is_collapsed_into_one()
    {
        const string pull = "<blockquote>We will not leave the square until prices come down.</blockquote>";
        var article = Html.Single(Html.Page(article: pull + Html.Body + pull));
        Assert.Single(article.Blocks, b => b.Text == "We will not leave the square until prices come down.");
    }

    [Fact]
    public void Div_text_and_double_br_make_paragraphs()
    {
        var article = Html.Single(Html.Page(article:
            "<div>First paragraph written straight into a div, as some sites do, with commas, clauses and length.<br><br>" +
            "Second paragraph after two line breaks, which also reads as prose, with commas and clauses.<br>Same paragraph after one break.</div>" + Html.Body));
        Assert.Contains(article.Blocks, b => b.Text.StartsWith("First paragraph", StringComparison.Ordinal));
        Assert.Contains(article.Blocks, b => b.Text == "Second paragraph after two line breaks, which also reads as prose, with commas and clauses. Same paragraph after one break.");
    }

    [Fact]
    public void Whitespace_and_nbsp_are_normalised_and_unicode_kept()
    {
        var article = Html.Single(Html.Page(article: "<p>Жанаөзен\u00a0 residents   said\n the price had   doubled, according to local reports.</p>" + Html.Body));
        Assert.Contains("Жанаөзен residents said the price had doubled, according to local reports.", article.Text);
    }

    [Fact]
    public void Link_lists_are_dropped_from_the_body()
    {
        var article = Html.Single(Html.Page(article: Html.Body + "<ul><li><a href=\"/a\">Another story about the protests</a></li><li><a href=\"/b\">Yet another story about prices</a></li></ul>"));
        Assert.DoesNotContain("Another story", article.Text);
    }

    [Theory]
    [InlineData("<html><body><p>Unclosed paragraph <b>bold <i>italic</p><div>Stray</span> text</body>")]
    [InlineData("<p>no html or body at all")]
    [InlineData("")]
    [InlineData("<<<>>>&&&;;")]
    [InlineData("<script>var x = '</div>';</script><table><tr><td>cell<td>cell</table>")]
    public void Malformed_html_does_not_throw(string html)
    {
        var page = HtmlExtractor.Extract(html);
        Assert.Single(page.Articles);
    }

    [Fact]
    public void Standfirst_in_the_article_header_opens_the_body()
    {
        const string lead = "Thousands rallied in the west of the country after the price of gas doubled overnight.";
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><header><h1>Fuel price protests spread across the region</h1>"
            + $"<p class=\"article-lead\">{lead}</p></header><div class=\"article-body\">{Html.Body}</div></body></html>";
        Assert.StartsWith(lead, Html.Single(html).Text);
    }

    [Fact]
    public void Heading_over_a_list_of_links_is_dropped_with_it()
    {
        var article = Html.Single(Html.Page(article: Html.Body + "<h3>From our partners</h3><ul><li><a href=\"/a\">Gold prices climb again</a></li><li><a href=\"/b\">Markets close higher</a></li></ul>"));
        Assert.DoesNotContain(article.Blocks, b => b.Text == "From our partners");
    }

    [Fact]
    public void Price_cell_is_kept() =>
        Assert.Contains(Html.Single(Html.Page(article: Html.Body + "<table><tr><td>Monthly rate</td><td>286,35 €</td></tr></table>")).Blocks, b => b.Text == "286,35 €");
}
