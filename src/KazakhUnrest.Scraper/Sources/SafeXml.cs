using System.Xml;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>XML reading for untrusted feeds and sitemaps: DTDs ignored and nothing resolved, so no XXE and no entity bombs.</summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };
}
