using KazakhUnrest.Scraper.Fetching;

namespace KazakhUnrest.Tests.Fetching;

public sealed class RobotsTests
{
    private const string Agent = "KazakhUnrestBot/1.0 (+https://github.com/kazakhunrest; news research)";

    [Theory]
    [InlineData("/news/2022/01/05/almaty", true)]
    [InlineData("/search?q=almaty", false)]
    [InlineData("/archive/", false)]
    [InlineData("/archive/2022/", true)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?download=1", true)]
    [InlineData("/robots.txt", true)]
    public void Longest_match_wins_with_wildcards(string path, bool allowed)
    {
        var robots = Robots.Parse("""
            # comment line
            User-agent: Googlebot
            Disallow: /

            User-agent: *
            User-agent: kazakhunrestbot
            Disallow: /search
            Disallow: /archive/
            Allow: /archive/2022/
            Disallow: /*.pdf$  # trailing comment
            Crawl-delay: 2.5
            Sitemap: https://example.test/sitemap.xml
            """, Agent);

        Assert.Equal(allowed, robots.IsAllowed(new Uri("https://example.test" + path)));
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay);
        Assert.Equal(["https://example.test/sitemap.xml"], robots.Sitemaps);
    }

    [Fact]
    public void The_specific_group_replaces_the_star_group()
    {
        var robots = Robots.Parse("User-agent: *\nDisallow: /\n\nUser-agent: KazakhUnrestBot\nDisallow:\n", Agent);

        Assert.True(robots.IsAllowed(new Uri("https://example.test/anything")));
    }

    [Fact]
    public void A_group_for_a_prefix_of_our_name_is_not_ours()
    {
        var robots = Robots.Parse("User-agent: Kazakh\nDisallow: /\n", Agent);

        Assert.True(robots.IsAllowed(new Uri("https://example.test/anything")));
    }

    [Fact]
    public void No_group_for_us_means_allow_all()
    {
        var robots = Robots.Parse("User-agent: Googlebot\nDisallow: /\n", Agent);

        Assert.True(robots.IsAllowed(new Uri("https://example.test/anything")));
        Assert.Null(robots.CrawlDelay);
    }
}
