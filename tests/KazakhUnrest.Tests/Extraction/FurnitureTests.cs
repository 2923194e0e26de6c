namespace KazakhUnrest.Tests.Extraction;

public sealed class FurnitureTests
{
    private const string Marker = "FURNITURE TEXT";

    [Theory]
    [InlineData("<div class=\"cookie-banner\"><p>We use cookies. FURNITURE TEXT</p></div>")]
    [InlineData("<div id=\"gdpr-consent\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<div class=\"share-bar\"><a href=\"/s\">Facebook</a> FURNITURE TEXT</div>")]
    [InlineData("<ul class=\"social\"><li>FURNITURE TEXT</li></ul>")]
    [InlineData("<div class=\"related-stories\"><p>FURNITURE TEXT is a teaser for another report.</p></div>")]
    [InlineData("<div class=\"most-read\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<section class=\"comments\"><p>FURNITURE TEXT from a reader.</p></section>")]
    [InlineData("<div id=\"disqus_thread\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<div class=\"newsletter\"><p>FURNITURE TEXT: get the morning briefing.</p></div>")]
    [InlineData("<div class=\"ad\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<div class=\"advert-slot\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<div class=\"sponsored\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<ol class=\"breadcrumb\"><li>FURNITURE TEXT</li></ol>")]
    [InlineData("<div class=\"menu\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<div id=\"sidebar\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<div class=\"widget\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<p class=\"tags\">FURNITURE TEXT</p>")]
    [InlineData("<div class=\"author-bio\"><p>FURNITURE TEXT is a reporter.</p></div>")]
    [InlineData("<div class=\"pagination\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<p>Photo: FURNITURE TEXT</p>")]
    [InlineData("<p>© FURNITURE TEXT</p>")]
    [InlineData("<div role=\"navigation\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<div aria-label=\"Share this article\"><p>FURNITURE TEXT</p></div>")]
    [InlineData("<aside><p>FURNITURE TEXT</p></aside>")]
    [InlineData("<p style=\"display:none\">FURNITURE TEXT</p>")]
    public void Furniture_does_not_reach_the_body(string furniture)
    {
        var article = Html.Single(Html.Page(article: Html.Body + furniture));
        Assert.DoesNotContain(Marker, article.Text);
        Assert.Contains("Protesters gathered", article.Text);
    }

    [Theory]
    [InlineData("header-text")]
    [InlineData("shadow")]
    [InlineData("loaded")]
    public void Ad_matches_only_as_a_whole_word(string className)
    {
        var article = Html.Single(Html.Page(article: $"<div class=\"{className}\">{Html.Body}</div>"));
        Assert.Contains("Protesters gathered", article.Text);
    }

    [Fact]
    public void Page_header_and_nav_are_dropped_but_the_article_header_with_its_h1_stays()
    {
        var html = Html.Page(
            "<title>t</title>",
            "<header><h1>Government resigns</h1><p class=\"standfirst\">The cabinet stepped down early on Wednesday after a night of unrest.</p></header>" + Html.Body,
            "<header><a href=\"/\">Steppe Wire</a><nav><a href=\"/w\">World</a> FURNITURE TEXT</nav></header>");
        var article = Html.Single(html);
        Assert.Contains("The cabinet stepped down", article.Text);
        Assert.DoesNotContain(Marker, article.Text);
        Assert.Equal("Government resigns", article.Title);
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("Read more")]
    [InlineData("Share")]
    [InlineData("Print")]
    public void Short_boilerplate_lines_are_dropped(string line)
    {
        var article = Html.Single(Html.Page(article: Html.Body + $"<p>{line}</p>"));
        Assert.DoesNotContain(article.Blocks, b => b.Text == line);
    }

    [Fact]
    public void Heading_that_opens_related_links_ends_the_body()
    {
        var article = Html.Single(Html.Page(article: Html.Body + "<h3>Related stories</h3><p>FURNITURE TEXT about something else entirely, with enough words.</p>"));
        Assert.DoesNotContain(Marker, article.Text);
    }
}
