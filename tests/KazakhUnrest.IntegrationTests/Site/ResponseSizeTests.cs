using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using KazakhUnrest.IntegrationTests.Infrastructure;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>Text answers compressed for clients that accept it (and only for them); static files cached by whether their address is fingerprinted.</summary>
public sealed partial class ResponseSizeTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Theory]
    [InlineData("/stories", "br")]
    [InlineData("/timeline", "gzip")]
    [InlineData("/api/stories", "br")]
    [InlineData("/stories/feed", "gzip")]
    public async Task Text_is_compressed_for_a_client_that_accepts_it(string path, string encoding)
    {
        using var client = site.CreateClient();
        var plain = await client.GetByteArrayAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length / 2, $"{compressed.Length} bytes compressed of {plain.Length}");

        await using var decoder = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(Encoding.UTF8.GetString(plain), Encoding.UTF8.GetString(decoded.ToArray()));
    }

    [Fact]
    public async Task A_client_that_accepts_no_encoding_gets_plain_text()
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/stories");
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Fingerprinted_static_files_are_kept_a_year_and_others_an_hour()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/stories");
        var stylesheet = Stylesheet().Match(html);
        Assert.True(stylesheet.Success, "the layout links no fingerprinted stylesheet");

        using var css = await client.GetAsync(WebUtility.HtmlDecode(stylesheet.Groups["href"].Value));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl!.ToString());

        using var icon = await client.GetAsync("/favicon.ico");
        Assert.Equal("public, max-age=3600", icon.Headers.CacheControl!.ToString());
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>/css/site\\.css\\?v=[^\"]+)\"")]
    private static partial Regex Stylesheet();
}
