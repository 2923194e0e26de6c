using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <param name="LastResort">The first date anywhere in the visible text before furniture removal, for when the cleaned body has none.</param>
internal sealed record DateFinding(DateTimeOffset? Published, string? Source, DateTimeOffset? Modified, DateTimeOffset? LastResort);

/// <summary>Publication and modification dates, from the most trusted source that gives one.</summary>
internal static partial class PublicationDate
{
    private static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "parsely-pub-date", "sailthru.date", "dcterms.created", "dc.date.created",
        "article.published", "published-date", "release_date", "cxenseparse:recs:publishtime", "originalpublicationdate", "citation_publication_date",
        "uploadDate", "dateCreated", "dc.date.issued",
    ];

    // Names so vague that a dated element in the article itself is more trustworthy.
    private static readonly string[] VagueMeta = ["date", "dc.date", "dcterms.date"];

    private static readonly string[] ModifiedMeta = ["article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified"];

    private static readonly string[] DateHints = ["date", "time", "datum", "published", "posted", "meta", "byline", "dateline", "pubdate", "entry", "info", "timestamp"];

    /// <summary>Dates the page states in markup or its URL; read before furniture removal drops headers and scripts.</summary>
    public static DateFinding FromMarkup(IDocument document, JsonLd jsonLd, Uri? pageUrl)
    {
        var modified = DateParsing.Machine(jsonLd.FirstString("dateModified")) ?? DateParsing.Machine(Metadata.Meta(document, ModifiedMeta));
        var published = FromJsonLd(jsonLd) ?? FromMeta(document, PublishedMeta) ?? FromMarkedElements(document.DocumentElement)
            ?? FromMeta(document, VagueMeta) ?? FromTimeElements(document.DocumentElement) ?? FromScriptData(document);
        var fromUrl = FromUrl(pageUrl) ?? FromUrl(Metadata.ResolveUrl(document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href"), pageUrl));
        // A full date in the address is fixed when the article first goes out, while markup is often rewritten on
        // update or shifted by a time zone; when they disagree on the day, the address wins.
        if (fromUrl is { } urlDate && (published is null || published.Value.Date.Date != urlDate.Date.Date))
        {
            published = fromUrl;
        }

        published ??= FromText(document.Body, null, hintedOnly: true);
        var lastResort = published is null && document.Body is { } body ? DateParsing.Human(VisibleText(body)) : null;
        return new DateFinding(published?.Date, published?.Source, modified, lastResort);
    }

    /// <summary>Any date written in the text, the article body first, then the page before furniture removal.</summary>
    public static (DateTimeOffset Date, string Source)? FromBodyText(IElement? body, IElement content, DateFinding markup) =>
        FromText(body, content, hintedOnly: false) ?? Tag(markup.LastResort, "text:page");

    private static string VisibleText(IElement body) =>
        string.Join(" ", body.Descendants<IText>().Where(t => t.ParentElement?.LocalName is not ("script" or "style" or "noscript" or "template")).Select(t => t.Data));

    /// <summary>The date of one block of a multi-article page, from its own markup or text only.</summary>
    public static (DateTimeOffset Date, string Source)? InElement(IElement element) =>
        FromMarkedElements(element) ?? FromTimeElements(element) ?? FromText(element, element, hintedOnly: false);

    private static (DateTimeOffset Date, string Source)? FromJsonLd(JsonLd jsonLd) =>
        Tag(DateParsing.Machine(jsonLd.FirstString("datePublished", "dateCreated", "uploadDate")), "json-ld");

    private static (DateTimeOffset Date, string Source)? FromMeta(IDocument document, string[] keys)
    {
        foreach (var key in keys)
        {
            var date = DateParsing.Machine(Metadata.Meta(document, key));
            if (date is not null)
            {
                return (date.Value, "meta:" + key);
            }
        }
        return null;
    }

    /// <summary>Elements that say in markup that they hold the publication date (microdata, RDFa, hAtom).</summary>
    private static (DateTimeOffset Date, string Source)? FromMarkedElements(IElement root) =>
        FirstDate(root.QuerySelectorAll("[itemprop='datePublished'], [property$='datePublished'], [itemprop='dateCreated'], [property$='dateCreated'], time[pubdate], time.published, time.entry-date, .published[title], abbr.published"), "markup");

    private static (DateTimeOffset Date, string Source)? FromTimeElements(IElement? root) =>
        root is null ? null : FirstDate(root.QuerySelectorAll("time[datetime]").Where(t => t.Closest("aside, footer, nav, .comment, .comments, .related") is null), "time");

    private static (DateTimeOffset Date, string Source)? FirstDate(IEnumerable<IElement> elements, string source)
    {
        foreach (var element in elements)
        {
            var date = DateParsing.Machine(element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.GetAttribute("title") ?? element.TextContent);
            if (date is not null)
            {
                return (date.Value, source);
            }
        }
        return null;
    }

    /// <summary>Publication dates in the state objects of script-rendered pages ("published_at": "2019-03-02T06:22:28+01:00").</summary>
    private static (DateTimeOffset Date, string Source)? FromScriptData(IDocument document)
    {
        foreach (var script in document.Scripts)
        {
            var match = ScriptDateKey().Match(script.Text);
            if (match.Success && DateParsing.Machine(match.Groups["date"].Value) is { } date)
            {
                return (date, "script");
            }
        }
        return null;
    }

    public static (DateTimeOffset Date, string Source)? FromUrl(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var match = UrlDate().Match(url.AbsolutePath);
        if (!match.Success)
        {
            match = UrlDayFirst().Match(url.AbsolutePath);
        }

        if (!match.Success)
        {
            return null;
        }

        return Tag(DateParsing.Machine($"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}"), "url");
    }

    // A date line is a small element; a wrapper of many children whose class says "meta" or "post" holds the article (cbda5a0).
    private const int DateLineMaxChildren = 8;

    /// <summary>Date lines (elements whose class says date/meta/byline) first, then the content, then any text.</summary>
    private static (DateTimeOffset Date, string Source)? FromText(IElement? body, IElement? content, bool hintedOnly)
    {
        if (body is null)
        {
            return null;
        }

        var hinted = body.QuerySelectorAll("*")
            .Where(e => e.ChildElementCount < DateLineMaxChildren && TextTools.HintTokens(e).Any(t => DateHints.Contains(t)))
            .Where(e => e.Closest("aside, footer, nav, .comment, .comments") is null)
            .Select(e => DateParsing.Human(e.TextContent));
        var date = hinted.FirstOrDefault(d => d is not null);
        if (date is null && !hintedOnly)
        {
            date = DateParsing.Human(content?.TextContent ?? "") ?? DateParsing.Human(body.TextContent);
        }

        return Tag(date, "text");
    }

    private static (DateTimeOffset Date, string Source)? Tag(DateTimeOffset? date, string source) =>
        date is null ? null : (date.Value, source);

    [GeneratedRegex(@"/(?<y>(?:19|20)\d\d)(?:[/-]?(?<m>[01]\d)[/-]?(?<d>[0-3]\d)|/(?<m>[1-9])/(?<d>[1-9]|[0-3]\d)|/(?<m>[01]\d)/(?<d>[1-9]))(?:[/._-]|\b|$)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"[""'](?:date_?published|published_?(?:at|date|time)|publish_?date|pub_?date|first_?published_?(?:at|date)?)[""']\s*:\s*[""'](?<date>(?:19|20)\d\d-[01]\d-[0-3]\d[^""']{0,20})[""']", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptDateKey();

    [GeneratedRegex(@"[/_-](?<d>[0-3]\d)-(?<m>[01]\d)-(?<y>(?:19|20)\d\d)(?:[/._-]|$)")]
    private static partial Regex UrlDayFirst();
}
