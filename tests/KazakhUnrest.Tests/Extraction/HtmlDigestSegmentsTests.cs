using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

public sealed class HtmlDigestSegmentsTests
{
    private static string Post(string title, string credit) =>
        $"<section class=\"post\"><h2>{title}</h2><p class=\"post-meta\">8 January 2022</p>" +
        "<p>Kazakhstan's interior ministry said more people had been detained during the unrest, the outlet reported on Saturday.</p>" +
        "<p>The figure could not be verified independently because of the near-total internet shutdown across the country.</p>" +
        $"{credit}</section><hr>";

    [Fact]
    public void Digest_page_is_split_into_numbered_segments_with_their_own_title_and_origin()
    {
        var html = "<html><head><title>Roundup</title><meta property=\"article:published_time\" content=\"2022-01-09T00:00:00Z\"></head><body><main><h1>Roundup</h1>" +
            Post("Shops reopen", "<p class=\"source\">Source: <a href=\"https://one.example/a\">Outlet One</a></p>") +
            Post("Former chief detained", "<p>Originally published by Outlet Two.</p>") +
            Post("Thousands detained", "<p><a href=\"https://three.example/c\">View source</a></p>") +
            "</main></body></html>";
        var articles = HtmlExtractor.Extract(html, new Uri("https://digest.example/")).Articles;

        Assert.Equal([1, 2, 3], articles.Select(a => a.Segment));
        Assert.Equal(["Shops reopen", "Former chief detained", "Thousands detained"], articles.Select(a => a.Title));
        Assert.All(articles, a => Assert.Equal(new DateTimeOffset(2022, 1, 8, 0, 0, 0, TimeSpan.Zero), a.Published));
        Assert.Equal("Outlet One", articles[0].OriginalOutlet);
        Assert.Equal(new Uri("https://one.example/a"), articles[0].OriginalUrl);
        Assert.Equal("Outlet Two", articles[1].OriginalOutlet);
        Assert.Equal(new Uri("https://three.example/c"), articles[2].OriginalUrl);
    }

    [Fact]
    public void Article_with_several_sections_is_not_split()
    {
        var sections = string.Concat(Enumerable.Range(1, 3).Select(i => $"<section><h2>Part {i}</h2>{Html.Body}</section>"));
        var article = Html.Single(Html.Page(article: "<h1>Long read</h1>" + sections));
        Assert.Equal(0, article.Segment);
        Assert.Equal("Long read", article.Title);
    }

    [Fact]
    public void Related_story_teasers_do_not_split_the_page()
    {
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i => $"<article class=\"teaser\"><h3><a href=\"/s{i}\">Story {i}</a></h3><p>Short teaser.</p></article>"));
        var html = $"<html><body><article><h1>Main story</h1>{Html.Body}</article><div>{teasers}</div></body></html>";
        var article = Html.Single(html);
        Assert.Equal(0, article.Segment);
        Assert.DoesNotContain("Short teaser", article.Text);
    }
}
