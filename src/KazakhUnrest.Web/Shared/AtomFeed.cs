using System.Globalization;
using System.Text;
using System.Xml;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// An Atom 1.0 feed (RFC 4287) of the site's articles: a search's newest matches, a story, an outlet, an entity, a tag.
/// Build one from a query and answer it with <see cref="AtomFeedWriter.Result"/>, which writes it and answers a
/// conditional GET (<see cref="ConditionalGet"/>):
/// <code>
/// var feed = new AtomFeed(
///     Id: AtomFeed.Address(request, "/search/feed?q=tokayev").AbsoluteUri,
///     Title: "Search: tokayev",
///     Self: AtomFeed.Address(request, "/search/feed?q=tokayev"),
///     Alternate: AtomFeed.Address(request, "/search?q=tokayev"),
///     Entries: rows.Select(r => new AtomEntry(
///         Id: AtomFeed.Address(request, $"/articles/{r.Id}").AbsoluteUri,
///         Title: r.Title, Link: AtomFeed.Address(request, $"/articles/{r.Id}"),
///         Published: r.PublishedAt, Updated: r.UpdatedAt, Author: r.OutletName) { Summary = r.Lead }).ToList(),
///     UpdatedWhenEmpty: lastChangeOfTheCollection);
/// return AtomFeedWriter.Result(feed);
/// </code>
/// Every text here comes from outside (an outlet's title, a reader's query) and is written as text, never as markup.
/// </summary>
/// <param name="Id">The feed's permanent identity, an absolute IRI: the same query gives the same id on every poll.</param>
/// <param name="Self">This feed's own address.</param>
/// <param name="Alternate">The HTML page showing the same list.</param>
/// <param name="Entries">Newest first, as readers expect; the order is kept.</param>
/// <param name="UpdatedWhenEmpty">
/// The feed's updated time when it has no entry (Atom requires one): the last change of whatever the feed lists, so an
/// empty feed does not look new on every poll.
/// </param>
public sealed record AtomFeed(string Id, string Title, Uri Self, Uri Alternate, IReadOnlyList<AtomEntry> Entries, DateTimeOffset UpdatedWhenEmpty)
{
    /// <summary>The line under the title: what the feed lists, e.g. the query in words.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The newest entry's updated time: a feed changes when one of its entries does.</summary>
    public DateTimeOffset Updated => Entries.Count == 0 ? UpdatedWhenEmpty : Entries.Max(e => e.Updated);

    /// <summary>
    /// An absolute address on this site, as feeds carry them: a feed reader stores entries away from the page they came
    /// from. Made from the request's scheme, host and path base.
    /// </summary>
    public static Uri Address(HttpRequest request, string pathAndQuery) =>
        new(new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/"), pathAndQuery.TrimStart('/'));
}

/// <summary>One article in a feed.</summary>
/// <param name="Id">The entry's permanent identity, an absolute IRI; the article's address on the site does.</param>
/// <param name="Link">The article's page on this site.</param>
/// <param name="Published">When the outlet published it, if known.</param>
/// <param name="Updated">When the article last changed in a way a reader should see (a new revision, an editor's correction).</param>
/// <param name="Author">The outlet's name; a blank one is left out (the feed's own author then stands for it).</param>
public sealed record AtomEntry(string Id, string Title, Uri Link, DateTimeOffset? Published, DateTimeOffset Updated, string Author)
{
    /// <summary>Plain text, e.g. the lead; never markup.</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<AtomCategory> Categories { get; init; } = [];
}

/// <param name="Term">The category's stable name, e.g. a tag's slug.</param>
/// <param name="Label">What a reader sees, e.g. the tag's name.</param>
public sealed record AtomCategory(string Term, string? Label = null);

/// <summary>Writes an <see cref="AtomFeed"/> as Atom 1.0, UTF-8 without a byte order mark.</summary>
public static class AtomFeedWriter
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>Atom requires an author for the feed unless every entry has one; entries without an outlet fall back to it.</summary>
    public const string SiteName = "KazakhUnrest";

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>The feed as an answer to GET: 200 with the feed, or 304 to a client whose copy is current.</summary>
    public static ConditionalGetResult Result(AtomFeed feed) => ConditionalGet.Bytes(Write(feed), ContentType, feed.Updated);

    /// <exception cref="ArgumentException">An id or link is not absolute: a feed reader could not tell entries apart or open them.</exception>
    public static byte[] Write(AtomFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            // Text is cleaned before it is written (Text); this only turns a slip into an exception, never into a broken feed.
            CheckCharacters = true,
            NewLineChars = "\n",
            Indent = false,
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, Iri(feed.Id, nameof(feed.Id)));
            WriteText(xml, "title", feed.Title);
            if (!string.IsNullOrWhiteSpace(feed.Subtitle))
            {
                WriteText(xml, "subtitle", feed.Subtitle);
            }

            WriteLink(xml, "self", "application/atom+xml", feed.Self);
            WriteLink(xml, "alternate", "text/html", feed.Alternate);
            xml.WriteElementString("updated", AtomNamespace, Date(feed.Updated));
            WriteAuthor(xml, SiteName);
            foreach (var entry in feed.Entries)
            {
                WriteEntry(xml, entry);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, AtomEntry entry)
    {
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, Iri(entry.Id, nameof(entry.Id)));
        WriteText(xml, "title", entry.Title);
        WriteLink(xml, "alternate", "text/html", entry.Link);
        if (entry.Published is { } published)
        {
            xml.WriteElementString("published", AtomNamespace, Date(published));
        }

        xml.WriteElementString("updated", AtomNamespace, Date(entry.Updated));
        var author = Text(entry.Author).Trim();
        if (author.Length > 0)
        {
            WriteAuthor(xml, author);
        }

        foreach (var category in entry.Categories)
        {
            var term = Text(category.Term).Trim();
            if (term.Length == 0)
            {
                // Atom requires a term; a category without one says nothing.
                continue;
            }

            xml.WriteStartElement("category", AtomNamespace);
            xml.WriteAttributeString("term", term);
            if (category.Label is { } label && Text(label).Trim() is { Length: > 0 } shown)
            {
                xml.WriteAttributeString("label", shown);
            }

            xml.WriteEndElement();
        }

        if (!string.IsNullOrWhiteSpace(entry.Summary))
        {
            WriteText(xml, "summary", entry.Summary);
        }

        xml.WriteEndElement();
    }

    // type="text" is Atom's default; written out so no reader guesses at HTML in an outlet's title.
    private static void WriteText(XmlWriter xml, string element, string text)
    {
        xml.WriteStartElement(element, AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Text(text));
        xml.WriteEndElement();
    }

    private static void WriteAuthor(XmlWriter xml, string name)
    {
        xml.WriteStartElement("author", AtomNamespace);
        xml.WriteElementString("name", AtomNamespace, Text(name));
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string relation, string mediaType, Uri href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("type", mediaType);
        xml.WriteAttributeString("href", Iri(href, relation));
        xml.WriteEndElement();
    }

    // RFC 3339 in UTC to the second, the precision of the Last-Modified header the same time goes out as.
    private static string Date(DateTimeOffset time) =>
        ConditionalGet.WholeSeconds(time).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // An id is written as given: a reader compares ids as strings, and the caller chose this one to stay the same.
    private static string Iri(string id, string what) =>
        IsAbsolute(id) && Text(id) == id ? id : throw new ArgumentException($"The {what} '{id}' is not an absolute IRI.", what);

    private static string Iri(Uri uri, string what) =>
        uri.IsAbsoluteUri && IsAbsolute(uri.OriginalString) ? uri.AbsoluteUri : throw new ArgumentException($"The {what} '{uri}' is not an absolute IRI.", what);

    // On Unix, .NET takes "/articles/1" for the absolute file:///articles/1; an IRI written out starts with its scheme.
    private static bool IsAbsolute(string iri) =>
        Uri.TryCreate(iri, UriKind.Absolute, out var uri) && iri.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Text XML 1.0 can carry: without the control characters it forbids (all below U+0020 but tab and line breaks),
    /// the C1 controls and DEL it discourages, U+FFFE and U+FFFF, and halves of surrogate pairs.
    /// </summary>
    internal static string Text(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c) && c is not (>= '\u007f' and <= '\u009f'))
            {
                clean.Append(c);
            }
        }

        return clean.Length == text.Length ? text : clean.ToString();
    }
}
