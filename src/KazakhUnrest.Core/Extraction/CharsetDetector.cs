using System.Text;
using System.Text.RegularExpressions;

namespace KazakhUnrest.Core.Extraction;

/// <summary>
/// Picks the encoding of a fetched or captured body: BOM, then Content-Type charset, then the byte layout of
/// a UTF-16/32 document without a BOM (XML 1.0 Appendix F), then the XML declaration, then &lt;meta charset&gt; /
/// http-equiv in the first 4 KB, then UTF-8. The BOM outranks the header as in RFC 7303 section 3.3 and the HTML
/// standard: a server's default charset is a guess, the BOM was written with the bytes. A header naming an
/// ASCII-compatible charset over a UTF-16/32 layout is impossible, so the layout wins there too.
/// A header that claims UTF-8 over bytes that are not UTF-8 loses to the document's own
/// declaration: misconfigured servers doing exactly that are common among windows-1251 sites.
/// The reverse mistake is as common: a page declared latin1 or windows-125x but saved as UTF-8;
/// bytes that are strictly valid UTF-8 with non-ASCII in them are then read as UTF-8.
/// </summary>
public static partial class CharsetDetector
{
    // Browsers look in the first 1024 bytes; real pages put long scripts before the meta tag, so look further.
    private const int SniffBytes = 4096;

    static CharsetDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static CharsetDecision Detect(ReadOnlySpan<byte> body, string? headerCharset)
    {
        var decision = Declared(body, headerCharset);
        return decision.Encoding.IsSingleByte && body.ContainsAnyExceptInRange((byte)0, (byte)0x7F) && IsValidUtf8(body)
            ? decision with { Encoding = new UTF8Encoding(false), Warning = decision.Warning ?? $"declared {decision.Encoding.WebName} but the body is UTF-8; read as UTF-8" }
            : decision;
    }

    /// <summary>Decodes a page's bytes given its Content-Type header (which may be missing).</summary>
    public static string Decode(ReadOnlySpan<byte> body, string? contentType) =>
        Detect(body, CharsetOf(contentType)).Decode(body);

    private static string? CharsetOf(string? contentType) =>
        System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet : null;

    private static CharsetDecision Declared(ReadOnlySpan<byte> body, string? headerCharset)
    {
        string? warning = null;
        var header = Resolve(headerCharset, "Content-Type header", ref warning);
        var bom = FromByteOrderMark(body);
        if (bom is not null)
        {
            if (header is not null && header.CodePage != bom.CodePage)
            {
                warning ??= $"Content-Type says {header.WebName} but the body starts with a {bom.WebName} byte order mark; read as {bom.WebName}";
            }

            return new CharsetDecision(bom, CharsetSource.ByteOrderMark, warning);
        }

        var layout = FromByteLayout(body);
        if (header is not null && !(IsUtf8(header) && !IsValidUtf8(body)) && (layout is null || layout.CodePage == header.CodePage))
        {
            return new CharsetDecision(header, CharsetSource.Header, warning);
        }

        if (layout is not null)
        {
            if (header is not null)
            {
                warning ??= $"Content-Type says {header.WebName} but the body is laid out as {layout.WebName}; read as {layout.WebName}";
            }

            return new CharsetDecision(layout, CharsetSource.ByteLayout, warning);
        }

        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, SniffBytes)]);
        var declared = FromDeclaration(head, ref warning, out var source);
        if (declared is not null)
        {
            if (header is not null)
            {
                warning ??= $"Content-Type says {header.WebName} but the body is not valid UTF-8; used the document's {declared.WebName}";
            }

            return new CharsetDecision(declared, source, warning);
        }

        return new CharsetDecision(header ?? new UTF8Encoding(false), header is null ? CharsetSource.Default : CharsetSource.Header, warning);
    }

    private static Encoding? FromDeclaration(string head, ref string? warning, out CharsetSource source)
    {
        // The XML declaration can only open the document, so when present it outranks a <meta> that may
        // sit in a feed item's CDATA.
        source = CharsetSource.XmlDeclaration;
        var xml = XmlEncoding().Match(head);
        if (xml.Success)
        {
            // The declaration was read as single bytes, so a document whose declaration names UTF-16 or UTF-32
            // is not laid out in it (the byte layout would have caught it); XML reads such a mismatch as UTF-8.
            var named = Resolve(xml.Groups[1].Value, "XML declaration", ref warning);
            if (named is UnicodeEncoding or UTF32Encoding)
            {
                warning ??= $"the XML declaration names {named.WebName} but the bytes are single-byte; ignored it";
                return null;
            }

            return named;
        }

        source = CharsetSource.MetaTag;
        var meta = MetaCharset().Match(head);
        if (!meta.Success)
        {
            return null;
        }

        var encoding = Resolve(meta.Groups[1].Value, "<meta> charset", ref warning);
        // HTML: a meta tag read as ASCII cannot truthfully declare UTF-16.
        return encoding is UnicodeEncoding ? Encoding.UTF8 : encoding;
    }

    private static Encoding? Resolve(string? name, string where, ref string? warning)
    {
        name = name?.Trim().Trim('"', '\'');
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        try
        {
            // The HTML standard reads these labels as windows-1252, a superset.
            return Encoding.GetEncoding(name.ToLowerInvariant() is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" ? "windows-1252" : name);
        }
        catch (ArgumentException)
        {
            warning ??= $"unknown charset \"{name}\" in the {where}; ignored it";
            return null;
        }
    }

    private static Encoding? FromByteOrderMark(ReadOnlySpan<byte> body) => body switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8,
        [0xFF, 0xFE, 0, 0, ..] => Encoding.UTF32,
        [0, 0, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        _ => null,
    };

    /// <summary>
    /// XML 1.0 Appendix F without a BOM: the first character of an XML document is "&lt;", and where its zero bytes
    /// fall tells UTF-32 and UTF-16 and their byte order apart. For UTF-16 the second character must be non-zero ASCII
    /// too (Appendix F looks for "&lt;?"; a feed without a declaration starts "&lt;r" or "&lt;f").
    /// </summary>
    private static Encoding? FromByteLayout(ReadOnlySpan<byte> body) => body switch
    {
        [0, 0, 0, (byte)'<', ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        [(byte)'<', 0, 0, 0, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
        [0, (byte)'<', 0, > 0 and < 0x80, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
        [(byte)'<', 0, > 0 and < 0x80, 0, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        _ => null,
    };

    private static bool IsUtf8(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage;

    private static bool IsValidUtf8(ReadOnlySpan<byte> body) => System.Text.Unicode.Utf8.IsValid(body);

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
