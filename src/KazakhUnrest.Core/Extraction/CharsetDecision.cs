using System.Text;

namespace KazakhUnrest.Core.Extraction;

/// <summary>The encoding chosen for a body, where the choice came from, and any doubt about it.</summary>
public sealed record CharsetDecision(Encoding Encoding, CharsetSource Source, string? Warning)
{
    public string Decode(ReadOnlySpan<byte> body)
    {
        var preamble = Encoding.Preamble;
        // Encoding.GetString keeps a BOM as U+FEFF, which would end up in titles and hashes.
        if (!preamble.IsEmpty && body.StartsWith(preamble))
        {
            body = body[preamble.Length..];
        }

        return Encoding.GetString(body);
    }
}

public enum CharsetSource
{
    Header,
    ByteOrderMark,

    /// <summary>UTF-16 or UTF-32 without a BOM, told by where the zero bytes around the opening "&lt;" fall.</summary>
    ByteLayout,
    MetaTag,
    XmlDeclaration,
    Default,
}
