using System.Text;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

public sealed class CharsetDetectorTests
{
    private const string Russian = "Протесты в Алматы";

    static CharsetDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Windows_1251_bytes_are_decoded_by_meta_charset()
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes($"<html><head><meta charset=\"windows-1251\"></head><body><p>{Russian}</p></body></html>");
        Assert.Contains(Russian, CharsetDetector.Decode(bytes, null));
    }

    [Fact]
    public void Http_equiv_content_type_is_honoured()
    {
        var bytes = Encoding.GetEncoding("koi8-r").GetBytes($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head><body>{Russian}</body></html>");
        Assert.Contains(Russian, CharsetDetector.Decode(bytes, null));
    }

    [Fact]
    public void Content_type_header_beats_meta()
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes($"<meta charset=\"utf-8\"><p>{Russian}</p>");
        Assert.Contains(Russian, CharsetDetector.Decode(bytes, "text/html; charset=windows-1251"));
    }

    [Fact]
    public void Byte_order_mark_wins_and_is_stripped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"<meta charset=\"windows-1251\"><p>{Russian}</p>")).ToArray();
        var text = CharsetDetector.Decode(bytes, null);
        Assert.StartsWith("<meta", text);
        Assert.Contains(Russian, text);
    }

    [Fact]
    public void Latin1_declaration_on_utf8_bytes_is_read_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Grüße aus Köln</p>");
        Assert.Contains("Grüße aus Köln", CharsetDetector.Decode(bytes, null));
    }

    [Fact]
    public void Latin1_bytes_are_decoded_as_declared()
    {
        var bytes = Encoding.Latin1.GetBytes("<meta charset=\"iso-8859-1\"><p>Grüße aus Köln</p>");
        Assert.Contains("Grüße aus Köln", CharsetDetector.Decode(bytes, null));
    }

    [Fact]
    public void Undeclared_bytes_default_to_utf8() =>
        Assert.Contains(Russian, CharsetDetector.Decode(Encoding.UTF8.GetBytes($"<p>{Russian}</p>"), null));
}
