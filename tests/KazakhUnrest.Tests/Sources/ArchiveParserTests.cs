using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Tests.Sources;

/// <summary>The archive answers as the services send them; the HTTP side is in the integration tests' ArchiveClientTests.</summary>
public sealed class ArchiveParserTests
{
    [Fact]
    public void Gdelt_articles_are_read_and_unusable_ones_dropped()
    {
        var articles = GdeltResponseParser.Parse("""
            {"articles": [
              {"url": "https://tengri.example/almaty", "url_mobile": "", "title": "Report from tengri.example", "seendate": "20220104T213000Z",
               "socialimage": "https://tengri.example/img.jpg", "domain": "tengri.example", "language": "Russian", "sourcecountry": "Kazakhstan"},
              {"url": "not a url", "title": "dropped"},
              {"url": "https://akorda.example/decree", "seendate": "yesterday"}
            ]}
            """);

        Assert.Equal(2, articles.Count);
        Assert.Equal(new GdeltArticle(new Uri("https://tengri.example/almaty"), null, "Report from tengri.example",
            new DateTimeOffset(2022, 1, 4, 21, 30, 0, TimeSpan.Zero), new Uri("https://tengri.example/img.jpg"), "tengri.example", "Russian",
            "Kazakhstan"), articles[0]);
        Assert.Equal(new Uri("https://akorda.example/decree"), articles[1].Url);
        Assert.Null(articles[1].SeenAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("  {\"articles\": []}\n")]
    public void Gdelt_answers_without_articles_are_empty(string body)
    {
        Assert.Empty(GdeltResponseParser.Parse(body));
    }

    [Theory]
    [InlineData("Your search contained a phrase that was too short.", "text instead of JSON")]
    [InlineData("{\"articles\": [", "invalid JSON")]
    public void Gdelt_text_or_broken_json_is_a_format_error(string body, string error)
    {
        Assert.Contains(error, Assert.Throws<ArchiveFormatException>(() => GdeltResponseParser.Parse(body)).Message);
    }

    [Fact]
    public void Cdx_rows_are_read_by_their_header()
    {
        var snapshots = WaybackCdxParser.Parse("""
            [["timestamp","original","statuscode","urlkey","mimetype","digest","length"],
             ["20220105123000","https://news.example.kz/2022/01/05/almaty","200","kz,example,news)/2022/01/05/almaty","text/html","AAAABBBBCCCC","5120"],
             ["2022","https://news.example.kz/short-timestamp","200","k","text/html","D","1"],
             ["20220107080000","https://news.example.kz/2022/01/05/almaty","-","kz,example,news)/2022/01/05/almaty","warc/revisit","DDDD","-"]]
            """);

        Assert.Equal(2, snapshots.Count);
        var page = new Uri("https://news.example.kz/2022/01/05/almaty");
        Assert.Equal(new WaybackSnapshot("kz,example,news)/2022/01/05/almaty", "20220105123000", page, "text/html", 200, "AAAABBBBCCCC", 5120),
            snapshots[0]);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 12, 30, 0, TimeSpan.Zero), snapshots[0].CapturedAt);
        Assert.Null(snapshots[1].StatusCode);
        Assert.Null(snapshots[1].Length);
    }

    [Theory]
    [InlineData("", 0, null)]
    [InlineData("[]", 0, null)]
    [InlineData("org.archive.util.io.RuntimeIOException: blocked", 0, "text instead of JSON")]
    [InlineData("[[\"urlkey\",\"digest\"],[\"a\",\"b\"]]", 0, "no timestamp/original header row")]
    public void Cdx_answers_without_rows(string body, int count, string? error)
    {
        if (error is null)
        {
            Assert.Equal(count, WaybackCdxParser.Parse(body).Count);
        }
        else
        {
            Assert.Contains(error, Assert.Throws<ArchiveFormatException>(() => WaybackCdxParser.Parse(body)).Message);
        }
    }
}
