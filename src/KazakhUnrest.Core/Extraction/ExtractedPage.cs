using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Core.Extraction;

/// <summary>
/// What extraction makes of one captured page: one article, or several when the page glues
/// articles together (an aggregator, a live page, a digest). Produced by <c>HtmlExtractor</c> for
/// HTML and <c>TextCaptureCleaner</c> for plain-text captures; stored by the scraper.
/// </summary>
public sealed record ExtractedPage
{
    /// <summary>The page's own canonical URL (link rel=canonical, og:url), when it names one.</summary>
    public Uri? CanonicalUrl { get; init; }

    /// <summary>The publisher's name as the page gives it (og:site_name, JSON-LD publisher), if any.</summary>
    public string? SiteName { get; init; }

    /// <summary>Articles in page order; segment numbers are 1..n when there are several, 0 when one.</summary>
    public IReadOnlyList<ExtractedArticle> Articles { get; init; } = [];

    /// <summary>What was cut to keep within <see cref="ExtractionLimits"/>, each with its original size; empty when nothing was.</summary>
    public IReadOnlyList<string> Cuts { get; init; } = [];
}

public sealed record ExtractedArticle
{
    /// <summary>0 for a page holding one article; 1..n for the articles of a multi-article page.</summary>
    public int Segment { get; init; }

    /// <summary>Null when the page gives no title (the store then derives one from the first sentence).</summary>
    public string? Title { get; init; }

    /// <summary>The deck printed between headline and body, when the page has one; not part of <see cref="Blocks"/>.</summary>
    public string? Standfirst { get; init; }

    public string? Byline { get; init; }

    /// <summary>Place line such as "ALMATY" or "Beijing" that opens the report.</summary>
    public string? Dateline { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>True when <see cref="Published"/> was inferred from relative dates in the text, not printed by the page.</summary>
    public bool PublishedInferred { get; init; }

    /// <summary>Where the date came from ("json-ld", "meta:article:published_time", "time", "url", "text", ...), for debugging.</summary>
    public string? PublishedSource { get; init; }

    public DateTimeOffset? Modified { get; init; }

    /// <summary>ISO 639-1 code.</summary>
    public string? Language { get; init; }

    /// <summary>Clean body: paragraphs and section headings, furniture removed.</summary>
    public IReadOnlyList<BodyBlock> Blocks { get; init; } = [];

    /// <summary>The original outlet of a segment re-posted by an aggregator, when the page names it.</summary>
    public string? OriginalOutlet { get; init; }

    /// <summary>The original URL of a re-posted segment, when the page links it.</summary>
    public Uri? OriginalUrl { get; init; }

    public string Text => string.Join("\n\n", Blocks.Select(b => b.Text));
}
