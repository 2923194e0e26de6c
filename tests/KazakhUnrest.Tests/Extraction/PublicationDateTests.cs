using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

public sealed class PublicationDateTests
{
    private static readonly DateTimeOffset Jan5 = new(2022, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Json_ld_dates_come_first_including_graph()
    {
        var jsonLd = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-01-05T14:30:00+06:00\",\"dateModified\":\"2022-01-06T09:00:00Z\"}]}</script>";
        var article = Html.Single(Html.Page(jsonLd + "<meta property=\"article:published_time\" content=\"2021-12-01T00:00:00Z\">"));
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 8, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("json-ld", article.PublishedSource);
        Assert.Equal(new DateTimeOffset(2022, 1, 6, 9, 0, 0, TimeSpan.Zero), article.Modified);
    }

    [Theory]
    [InlineData("article:published_time", "2022-01-05T00:00:00Z")]
    [InlineData("pubdate", "2022-01-05")]
    [InlineData("parsely-pub-date", "2022-01-05T00:00:00Z")]
    [InlineData("sailthru.date", "2022-01-05 00:00:00")]
    [InlineData("DC.date", "2022-01-05")]
    [InlineData("date", "2022-01-05")]
    public void Meta_dates_are_read(string name, string content)
    {
        var article = Html.Single(Html.Page($"<meta name=\"{name}\" content=\"{content}\">"));
        Assert.Equal(Jan5, article.Published);
        Assert.StartsWith("meta:", article.PublishedSource);
    }

    [Fact]
    public void Meta_date_without_zone_is_taken_as_utc_and_without_seconds_parses()
    {
        Assert.Equal(new DateTimeOffset(2022, 1, 7, 21, 30, 0, TimeSpan.Zero), Html.Single(Html.Page("<meta property=\"article:published_time\" content=\"2022-01-07 21:30:00\">")).Published);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 20, 50, 0, TimeSpan.Zero), Html.Single(Html.Page("<meta property=\"article:published_time\" content=\"2022-01-05T23:50+03:00\">")).Published);
    }

    [Theory]
    [InlineData("<time datetime=\"2022-01-05T10:00:00Z\">5 Jan</time>")]
    [InlineData("<span itemprop=\"datePublished\" content=\"2022-01-05\">yesterday</span>")]
    public void Time_elements_are_read(string markup)
    {
        var article = Html.Single(Html.Page(article: markup + Html.Body));
        Assert.Equal(Jan5.Date, article.Published!.Value.UtcDateTime.Date);
    }

    [Theory]
    [InlineData("https://example.org/2022/01/05/story")]
    [InlineData("https://example.org/news/20220105/1234.html")]
    [InlineData("https://example.org/news/2022-01-05-story")]
    public void Url_patterns_give_a_date(string url)
    {
        var article = Html.Single(Html.Page(), new Uri(url));
        Assert.Equal(Jan5, article.Published);
        Assert.Equal("url", article.PublishedSource);
    }

    [Theory]
    [InlineData("January 5, 2022 at 15:00 GMT")]
    [InlineData("5 January 2022")]
    [InlineData("05.01.2022")]
    [InlineData("5. Januar 2022")]
    [InlineData("5 января 2022 года")]
    [InlineData("Jan. 5, 2022, 2:15 a.m. ET")]
    [InlineData("2022年1月5日")]
    public void Visible_date_lines_are_read(string line)
    {
        var article = Html.Single(Html.Page(article: $"<p class=\"post-date\">{line}</p>" + Html.Body));
        Assert.Equal(Jan5, article.Published);
        Assert.StartsWith("text", article.PublishedSource);
    }

    [Fact]
    public void Text_date_labelled_as_an_update_is_passed_over()
    {
        var article = Html.Single(Html.Page(article: "<p class=\"post-date\">Updated 7 January 2022, first published 5 January 2022</p>" + Html.Body));
        Assert.Equal(Jan5, article.Published);
    }

    [Fact]
    public void Url_date_wins_over_markup_that_disagrees_on_the_day()
    {
        var html = Html.Page("<meta property=\"article:published_time\" content=\"2022-01-09T10:00:00Z\">");
        Assert.Equal(Jan5, Html.Single(html, new Uri("https://example.org/2022/01/05/story")).Published);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 10, 0, 0, TimeSpan.Zero), Html.Single(html.Replace("2022-01-09", "2022-01-05"), new Uri("https://example.org/2022/01/05/story")).Published);
    }

    [Fact]
    public void Future_dates_and_dates_before_1995_are_rejected()
    {
        var future = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        Assert.Null(Html.Single(Html.Page($"<meta property=\"article:published_time\" content=\"{future}\">")).Published);
        Assert.Null(Html.Single(Html.Page("<meta property=\"article:published_time\" content=\"1994-12-31\">")).Published);
    }
}
