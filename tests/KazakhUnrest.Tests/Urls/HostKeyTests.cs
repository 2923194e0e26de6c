using KazakhUnrest.Core.Urls;

namespace KazakhUnrest.Tests.Urls;

public sealed class HostKeyTests
{
    [Theory]
    [InlineData("www.example.com", "example.com")]
    [InlineData("WWW.Example.COM", "example.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("news.example.com", "news.example.com")]
    [InlineData("www2.example.com", "www2.example.com")]
    [InlineData("wwwexample.com", "wwwexample.com")]
    public void A_host_and_its_www_form_are_one_site(string host, string key) => Assert.Equal(key, HostKey.Of(host));
}
