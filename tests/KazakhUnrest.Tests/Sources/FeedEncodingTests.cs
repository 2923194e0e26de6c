using System.Text;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Tests.Sources;

/// <summary>Feeds in every Unicode layout, with and without BOM and declaration, and with headers that disagree.</summary>
public sealed class FeedEncodingTests
{
    private const string Title = "Протесты в Алматы";

    public static TheoryData<string, bool, bool> Layouts() => new()
    {
        { "utf-16LE", false, false }, { "utf-16LE", false, true }, { "utf-16LE", true, true },
        { "utf-16BE", false, false }, { "utf-16BE", false, true }, { "utf-16BE", true, true },
        { "utf-32LE", false, false }, { "utf-32LE", false, true }, { "utf-32LE", true, true },
        { "utf-32BE", false, false }, { "utf-32BE", false, true }, { "utf-32BE", true, true },
        { "utf-8", true, false }, { "utf-8", false, true },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Unicode_layouts_are_detected_from_bom_or_bytes(string encoding, bool bom, bool declaration)
    {
        var feed = FeedParser.Parse(Bytes(encoding, bom, declaration ? $"""<?xml version="1.0" encoding="{encoding}"?>""" : ""));

        Assert.Equal(Title, feed.Title);
        Assert.Equal(Title, Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void A_bom_outranks_a_header_that_names_another_charset()
    {
        var feed = FeedParser.Parse(Bytes("utf-16BE", bom: true, ""), headerCharset: "iso-8859-1");

        Assert.Equal(Title, feed.Title);
    }

    [Fact]
    public void A_utf16_layout_outranks_a_header_naming_an_ascii_compatible_charset()
    {
        var feed = FeedParser.Parse(Bytes("utf-16LE", bom: false, ""), headerCharset: "utf-8");

        Assert.Equal(Title, feed.Title);
    }

    [Fact]
    public void The_header_outranks_the_declaration()
    {
        var body = Encoding.GetEncoding("windows-1251").GetBytes(Xml("""<?xml version="1.0" encoding="iso-8859-5"?>"""));

        Assert.Equal(Title, FeedParser.Parse(body, headerCharset: "windows-1251").Title);
    }

    [Fact]
    public void A_declaration_naming_utf16_over_single_bytes_is_ignored()
    {
        var body = Encoding.UTF8.GetBytes(Xml("""<?xml version="1.0" encoding="utf-16"?>"""));

        Assert.Equal(Title, FeedParser.Parse(body).Title);
    }

    static FeedEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Bytes(string encodingName, bool bom, string declaration)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var body = encoding.GetBytes(Xml(declaration));
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    private static string Xml(string declaration) =>
        $"{declaration}<rss version=\"2.0\"><channel><title>{Title}</title><item><title>{Title}</title><link>https://a.example/1</link></item></channel></rss>";
}
