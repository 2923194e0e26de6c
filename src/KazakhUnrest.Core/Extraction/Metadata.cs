using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

/// <summary>What the page says about itself: title, byline, canonical URL, site name.</summary>
internal sealed partial record Metadata(string? Title, string? Byline, Uri? CanonicalUrl, string? SiteName)
{
    public static Metadata From(IDocument document, JsonLd jsonLd, Uri? pageUrl)
    {
        var siteName = TextTools.NullIfEmpty(Meta(document, "og:site_name") ?? jsonLd.FirstName("publisher"));
        return new Metadata(
            FindTitle(document, jsonLd, siteName),
            FindByline(document, jsonLd),
            Canonical(document, pageUrl),
            siteName);
    }

    /// <summary>Content of the first meta tag whose property, name or itemprop is one of the keys.</summary>
    public static string? Meta(IDocument document, params string[] keys)
    {
        foreach (var key in keys)
        {
            foreach (var meta in document.QuerySelectorAll("meta"))
            {
                var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
                var content = meta.GetAttribute("content");
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(content))
                {
                    return content;
                }
            }
        }
        return null;
    }

    private static string? FindTitle(IDocument document, JsonLd jsonLd, string? siteName)
    {
        var candidates = new[]
        {
            Meta(document, "og:title", "twitter:title"),
            jsonLd.FirstString("headline"),
            document.QuerySelector("h1")?.TextContent,
            document.Title,
        };
        var title = candidates.Select(TextTools.NullIfEmpty).FirstOrDefault(t => t is not null);
        return title is null ? null : StripSiteSuffix(title, siteName);
    }

    /// <summary>"Headline | Site" becomes "Headline". Dashes also occur inside headlines, so they only
    /// separate a suffix that is the site's own name.</summary>
    public static string StripSiteSuffix(string title, string? siteName)
    {
        var parts = TitleSeparator().Split(title).Select(p => p.Trim()).ToArray();
        if (parts.Length < 2)
        {
            return title;
        }

        if (siteName is not null && parts[^1].Equals(siteName, StringComparison.OrdinalIgnoreCase))
        {
            return string.Join(" - ", parts[..^1]);
        }

        if (siteName is not null && parts[0].Equals(siteName, StringComparison.OrdinalIgnoreCase))
        {
            return string.Join(" - ", parts[1..]);
        }

        var pipeParts = title.Split('|').Select(p => p.Trim()).ToArray();
        return pipeParts.Length > 1 ? pipeParts.MaxBy(p => p.Length)! : title;
    }

    private static string? FindByline(IDocument document, JsonLd jsonLd)
    {
        var candidates = new[]
        {
            jsonLd.FirstName("author"),
            Meta(document, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator"),
            document.QuerySelector("[rel~='author']")?.TextContent,
            document.QuerySelector(".byline, .author, [itemprop='author']")?.TextContent,
        };
        return candidates.Select(c => TextTools.NullIfEmpty(c)).Where(c => c is not null && !c.StartsWith("http", StringComparison.Ordinal))
            .Select(c => ByPrefix().Replace(c!, "")).FirstOrDefault();
    }

    private static Uri? Canonical(IDocument document, Uri? pageUrl)
    {
        var href = document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href") ?? Meta(document, "og:url");
        return ResolveUrl(href, pageUrl);
    }

    public static Uri? ResolveUrl(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, href.Trim(), out var resolved) ? resolved : null;
    }

    [GeneratedRegex(@"\s+[|–—\-·»]\s+")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"^(by|von|автор:?)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();
}
