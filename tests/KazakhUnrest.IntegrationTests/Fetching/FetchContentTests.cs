using System.Text;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Tests.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KazakhUnrest.IntegrationTests.Fetching;

public sealed class FetchContentTests
{
    private const string Cyrillic = "Протесты в Алматы: 5 января 2022 года";

    static FetchContentTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task A_utf8_header_over_a_windows_1251_page_loses_to_its_meta_charset()
    {
        var page = Encoding.GetEncoding("windows-1251").GetBytes(
            $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>{Cyrillic}</p></body></html>");
        var result = await FetchAsync(page, "text/html; charset=utf-8");

        var text = result.DecodeText(out var decision);

        Assert.Contains(Cyrillic, text);
        Assert.Equal(CharsetSource.MetaTag, decision.Source);
        Assert.Equal("utf-8", result.Charset);
        Assert.Contains(result.Warnings, w => w.Contains("not valid UTF-8"));
    }

    [Fact]
    public async Task A_missing_charset_is_taken_from_the_byte_order_mark()
    {
        var page = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"<p>{Cyrillic}</p>")).ToArray();
        var result = await FetchAsync(page, "text/html");

        var text = result.DecodeText(out var decision);

        Assert.Equal($"<p>{Cyrillic}</p>", text);
        Assert.Equal(CharsetSource.ByteOrderMark, decision.Source);
    }

    [Fact]
    public async Task A_koi8_header_is_honoured()
    {
        var result = await FetchAsync(Encoding.GetEncoding("koi8-r").GetBytes(Cyrillic), "text/plain; charset=KOI8-R");

        Assert.Equal(Cyrillic, result.DecodeText());
    }

    [Fact]
    public async Task An_unknown_charset_falls_back_to_utf8_with_a_warning()
    {
        var result = await FetchAsync(Encoding.UTF8.GetBytes(Cyrillic), "text/plain; charset=klingon-7");

        var text = result.DecodeText(out var decision);

        Assert.Equal(Cyrillic, text);
        Assert.Equal(CharsetSource.Default, decision.Source);
        Assert.Contains("unknown charset \"klingon-7\"", decision.Warning);
        Assert.Contains(result.Warnings, w => w.Contains("klingon-7"));
    }

    [Fact]
    public void The_xml_declaration_names_the_charset_of_a_feed()
    {
        var feed = Encoding.GetEncoding("windows-1251").GetBytes($"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>{Cyrillic}</title></rss>");

        var decision = CharsetDetector.Detect(feed, null);

        Assert.Equal(CharsetSource.XmlDeclaration, decision.Source);
        Assert.Contains(Cyrillic, decision.Decode(feed));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Compressed_responses_are_decompressed(string encoding)
    {
        var html = Encoding.UTF8.GetBytes($"<html><body>{string.Concat(Enumerable.Repeat(Cyrillic, 200))}</body></html>");
        var result = await FetchAsync(Compression.Compress(html, encoding), "text/html; charset=utf-8", encoding);

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(html, result.Body);
    }

    [Fact]
    public async Task A_gzip_bomb_is_stopped_at_the_inflated_cap()
    {
        var bomb = Compression.Compress(new byte[50 * 1024 * 1024], "gzip");
        var result = await FetchAsync(bomb, "text/html", "gzip", o => o.MaxDecompressedBytes = 1024 * 1024);

        Assert.True(bomb.Length < 100 * 1024, $"bomb is {bomb.Length} bytes");
        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Contains("decompression bomb", result.Error);
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task Corrupt_compressed_data_is_invalid_content()
    {
        var result = await FetchAsync("not gzip at all"u8.ToArray(), "text/html", "gzip");

        Assert.Equal(FetchOutcome.InvalidContent, result.Outcome);
        Assert.Contains("could not be decoded", result.Error);
    }

    private static async Task<FetchResult> FetchAsync(byte[] body, string contentType, string? contentEncoding = null,
        Action<FetchOptions>? configure = null)
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/page", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = contentType;
            if (contentEncoding is not null)
            {
                ctx.Response.Headers.ContentEncoding = contentEncoding;
            }

            await ctx.Response.Body.WriteAsync(body);
        }));
        using var fetcher = Fetchers.Create(configure);
        return await fetcher.FetchAsync(server.Url("/page"), null, CancellationToken.None);
    }
}
