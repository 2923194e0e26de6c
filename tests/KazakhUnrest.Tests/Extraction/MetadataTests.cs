using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

public sealed class MetadataTests
{
    [Fact]
    public void Title_prefers_og_title()
    {
        var html = Html.Page("<title>Page title | Site</title><meta property=\"og:title\" content=\"Protests spread\">", "<h1>Heading</h1>" + Html.Body);
        Assert.Equal("Protests spread", Html.Single(html).Title);
    }

    [Fact]
    public void Title_comes_from_json_ld_headline_before_h1()
    {
        var html = Html.Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"From JSON-LD\"}</script>", "<h1>Heading</h1>" + Html.Body);
        Assert.Equal("From JSON-LD", Html.Single(html).Title);
    }

    [Fact]
    public void Title_falls_back_to_h1_then_title_without_site_suffix()
    {
        Assert.Equal("The heading", Html.Single(Html.Page("<title>Other | Site</title>", "<h1>The heading</h1>" + Html.Body)).Title);
        Assert.Equal("Government resigns after protests", Html.Single(Html.Page("<title>Government resigns after protests | Steppe Wire</title>")).Title);
    }

    [Fact]
    public void Dash_inside_a_headline_is_kept_unless_the_site_name_follows()
    {
        Assert.Equal("'Shal, ket!' — why the protests turned", Metadata.StripSiteSuffix("'Shal, ket!' — why the protests turned", "Steppe Notes"));
        Assert.Equal("Curfew extended", Metadata.StripSiteSuffix("Curfew extended - Steppe Notes", "Steppe Notes"));
    }

    [Theory]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Aigerim S.\"}}</script>", "")]
    [InlineData("<meta name=\"author\" content=\"Aigerim S.\">", "")]
    [InlineData("", "<a rel=\"author\" href=\"/a\">Aigerim S.</a>")]
    [InlineData("", "<p class=\"byline\">By Aigerim S.</p>")]
    public void Byline_is_found(string head, string body) =>
        Assert.Equal("Aigerim S.", Html.Single(Html.Page(head, body + Html.Body)).Byline);

    [Fact]
    public void Canonical_url_is_resolved_against_the_page_url()
    {
        var page = HtmlExtractor.Extract(Html.Page("<link rel=\"canonical\" href=\"/news/2022/01/05/story\">"), new Uri("https://example.org/amp/story"));
        Assert.Equal(new Uri("https://example.org/news/2022/01/05/story"), page.CanonicalUrl);
    }

    [Fact]
    public void Canonical_url_falls_back_to_og_url()
    {
        var page = HtmlExtractor.Extract(Html.Page("<meta property=\"og:url\" content=\"https://example.org/a\">"));
        Assert.Equal(new Uri("https://example.org/a"), page.CanonicalUrl);
    }

    [Fact]
    public void Site_name_comes_from_og_or_json_ld_publisher()
    {
        Assert.Equal("Steppe Wire", HtmlExtractor.Extract(Html.Page("<meta property=\"og:site_name\" content=\"Steppe Wire\">")).SiteName);
        var jsonLd = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Caspian Daily\"}}]}</script>";
        Assert.Equal("Caspian Daily", HtmlExtractor.Extract(Html.Page(jsonLd)).SiteName);
    }

    [Fact]
    public void Language_is_read_from_html_lang_meta_and_og_locale()
    {
        Assert.Equal("de", Html.Single(Html.Page(htmlAttributes: " lang=\"de-DE\"")).Language);
        Assert.Equal("fr", Html.Single(Html.Page("<meta http-equiv=\"content-language\" content=\"fr\">")).Language);
        Assert.Equal("ru", Html.Single(Html.Page("<meta property=\"og:locale\" content=\"ru_RU\">")).Language);
    }

    [Theory]
    [InlineData("Алматыда наразылық акциясы өтті, қала әкімдігі ғимараты өртенді.", "kk")]
    [InlineData("В Алматы прошли протесты, здание городской администрации сгорело.", "ru")]
    [InlineData("Die Regierung ist zurückgetreten, und die Proteste gehen auch in der Nacht weiter.", "de")]
    [InlineData("The government has resigned and the protests continued into the night.", "en")]
    public void Language_is_guessed_from_script_and_stopwords(string text, string expected) =>
        Assert.Equal(expected, Html.Single(Html.Page(article: $"<p>{text} {text} {text}</p>")).Language);
}
