using KazakhUnrest.Core.Urls;

namespace KazakhUnrest.Tests.Urls;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://Steppewire.Example/2022/01/05/story?utm_source=rss&utm_medium=feed", "https://steppewire.example/2022/01/05/story")]
    [InlineData("https://a.example/story?id=7&fbclid=XYZ#comments", "https://a.example/story?id=7")]
    [InlineData("https://a.example:443/story?b=2&a=1", "https://a.example/story?a=1&b=2")]
    [InlineData("http://a.example:80", "http://a.example/")]
    [InlineData("https://a.example/news?ref=homepage&page=2&gclid=1&_ga=2.1", "https://a.example/news?page=2")]
    [InlineData("https://a.example/x?", "https://a.example/x")]
    [InlineData("https://a.example:8443/x", "https://a.example:8443/x")]
    public void Tracking_parameters_fragments_case_and_default_ports_go(string input, string expected) =>
        Assert.Equal(expected, CanonicalUrl.Normalize(input));

    [Fact]
    public void Non_http_urls_are_left_alone() =>
        Assert.Equal("capture:///seeds/000.txt", CanonicalUrl.Normalize("capture:///seeds/000.txt"));
}
