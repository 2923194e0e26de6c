using System.Globalization;
using System.Xml;

namespace KazakhUnrest.Scraper.Sources;

/// <summary>
/// Passes an <see cref="XmlReader"/> through, counting nodes and watching depth on every <see cref="Read"/>, so that
/// LINQ to XML and <see cref="System.Xml.Linq.XNode.ReadFrom"/> (which call Read on whatever reader they get) stop at the bound.
/// </summary>
internal sealed class BoundedXmlReader(XmlReader inner, int maxDepth, long maxNodes) : XmlReader, IXmlLineInfo
{
    private long _nodes;

    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }

        if (++_nodes > maxNodes)
        {
            throw new XmlLimitException(string.Create(CultureInfo.InvariantCulture, $"more than {maxNodes:N0} XML nodes"));
        }

        if (inner.Depth > maxDepth)
        {
            throw new XmlLimitException(string.Create(CultureInfo.InvariantCulture, $"nested deeper than {maxDepth} elements (line {LineNumber})"));
        }

        return true;
    }

    public override int AttributeCount => inner.AttributeCount;

    public override string BaseURI => inner.BaseURI;

    public override int Depth => inner.Depth;

    public override bool EOF => inner.EOF;

    public override bool IsEmptyElement => inner.IsEmptyElement;

    public override string LocalName => inner.LocalName;

    public override string Name => inner.Name;

    public override string NamespaceURI => inner.NamespaceURI;

    public override XmlNameTable NameTable => inner.NameTable;

    public override XmlNodeType NodeType => inner.NodeType;

    public override string Prefix => inner.Prefix;

    public override ReadState ReadState => inner.ReadState;

    public override string Value => inner.Value;

    public override bool HasValue => inner.HasValue;

    public override bool IsDefault => inner.IsDefault;

    public override XmlSpace XmlSpace => inner.XmlSpace;

    public override string XmlLang => inner.XmlLang;

    public override XmlReaderSettings? Settings => inner.Settings;

    public int LineNumber => (inner as IXmlLineInfo)?.LineNumber ?? 0;

    public int LinePosition => (inner as IXmlLineInfo)?.LinePosition ?? 0;

    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
