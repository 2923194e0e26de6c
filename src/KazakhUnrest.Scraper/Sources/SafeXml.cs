using System.Xml;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// XML reading for untrusted feeds and sitemaps: DTDs ignored and nothing resolved, so no XXE and no entity bombs;
/// depth and node count bounded while reading, so cost stays linear in the input.
/// </summary>
internal static class SafeXml
{
    /// <summary>
    /// Real feeds and sitemaps nest under 30 levels, XHTML content in Atom included. The XML reader and LINQ to XML
    /// cost grows with the square of the depth (100,000 nested elements in a 700 KB feed took about a minute), so
    /// past this depth the document is refused after a few hundred elements instead.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Nodes read (start and end tags, text, attributes not counted). A full sitemap, 50,000 entries with the Google
    /// News extension, is about 1.5 million; anything far beyond is not a feed or sitemap we want to spend time on.
    /// </summary>
    public const long MaxNodes = 5_000_000;

    /// <summary>The sitemap cap (50 MB uncompressed, sitemaps.org) in characters; feeds are capped lower by the fetcher.</summary>
    public const long MaxCharacters = 50L * 1024 * 1024;

    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
        MaxCharactersInDocument = MaxCharacters,
    };

    /// <summary>A reader over untrusted XML that throws <see cref="XmlLimitException"/> past <see cref="MaxDepth"/> or <see cref="MaxNodes"/>.</summary>
    public static XmlReader Create(TextReader text) => new BoundedXmlReader(XmlReader.Create(text, Settings()), MaxDepth, MaxNodes);

    /// <inheritdoc cref="Create(TextReader)"/>
    public static XmlReader Create(Stream stream) => new BoundedXmlReader(XmlReader.Create(stream, Settings()), MaxDepth, MaxNodes);
}

/// <summary>The document passed one of <see cref="SafeXml"/>'s bounds; the message says which.</summary>
internal sealed class XmlLimitException(string message) : XmlException(message);
