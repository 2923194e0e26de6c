using System.Xml.Linq;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Element lookup by local name only: real feeds and sitemaps get their namespaces wrong often enough
/// that matching on them would lose entries.
/// </summary>
internal static class LocalNames
{
    public static IEnumerable<XElement> ChildrenNamed(this XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    public static XElement? ChildNamed(this XElement? parent, string localName) => parent.ChildrenNamed(localName).FirstOrDefault();

    /// <summary>The trimmed text of the first such child, or null when missing or blank.</summary>
    public static string? ChildText(this XElement? parent, string localName)
    {
        var value = parent.ChildNamed(localName)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
