using System.Text;
using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Extraction;

/// <summary>Turns the bytes of a fetched page into text, honouring the charset the page declares.</summary>
public static partial class HtmlDecoding
{
    // Browsers look for the meta charset in the first 1024 bytes; real pages put long scripts first, so look further.
    private const int SniffLength = 4096;

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeHeader)
    {
        if (TryBom(bytes, out var bomEncoding, out var bomLength))
            return bomEncoding.GetString(bytes[bomLength..]);

        var encoding = FromLabel(CharsetOf(contentTypeHeader))
            ?? FromLabel(MetaCharset(bytes[..Math.Min(bytes.Length, SniffLength)]))
            ?? Encoding.UTF8;
        // Many pages declare latin1 or windows-125x but were saved as UTF-8; a strict UTF-8 decode that
        // succeeds on non-ASCII bytes is far more likely right than the declaration.
        if (encoding.IsSingleByte && IsStrictUtf8WithNonAscii(bytes))
            encoding = Encoding.UTF8;
        return encoding.GetString(bytes);
    }

    private static bool TryBom(ReadOnlySpan<byte> bytes, out Encoding encoding, out int length)
    {
        (encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding)Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (Encoding.UTF8, 0),
        };
        return length > 0;
    }

    private static string? MetaCharset(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.Latin1.GetString(head);
        var match = MetaCharsetPattern().Match(ascii);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return null;
        var match = CharsetPattern().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
            return null;
        try
        {
            // The HTML standard maps these labels to windows-1252, which is a superset.
            var name = label.Trim().ToLowerInvariant() is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" ? "windows-1252" : label.Trim();
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsStrictUtf8WithNonAscii(ReadOnlySpan<byte> bytes) =>
        bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F) && System.Text.Unicode.Utf8.IsValid(bytes);

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
