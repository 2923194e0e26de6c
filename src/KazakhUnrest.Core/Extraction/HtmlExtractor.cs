using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Core.Extraction;

/// <summary>Extracts the article (or articles) of an HTML page: metadata, dates and a clean body.</summary>
public static class HtmlExtractor
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// The page's articles. The markup is first bounded in depth and element count (<see cref="HtmlBounds"/>, default
    /// <see cref="ExtractionLimits"/> when none are given), so no page costs more than linear time; what that cut is in
    /// <see cref="ExtractedPage.Cuts"/>. <paramref name="ct"/> is checked while bounding and between the stages.
    /// </summary>
    public static ExtractedPage Extract(string html, Uri? pageUrl = null, ExtractionLimits? limits = null, CancellationToken ct = default)
    {
        var (bounded, cuts) = HtmlBounds.Apply(html, limits ?? Defaults, ct);
        using var document = Parser.ParseDocument(bounded);
        ct.ThrowIfCancellationRequested();
        var jsonLd = JsonLd.From(document);
        var metadata = Metadata.From(document, jsonLd, pageUrl);
        var dates = PublicationDate.FromMarkup(document, jsonLd, pageUrl);
        Furniture.Remove(document);
        ct.ThrowIfCancellationRequested();

        var body = document.Body ?? document.DocumentElement;
        var segments = HtmlDigestSegments.Find(body);
        var articles = segments.Count >= HtmlDigestSegments.MinimumPosts
            ? segments.Select((segment, i) => SegmentArticle(document, segment, i + 1, dates, pageUrl)).ToList()
            : [SingleArticle(document, body, metadata, dates)];
        return new ExtractedPage { CanonicalUrl = metadata.CanonicalUrl, SiteName = metadata.SiteName, Articles = articles, Cuts = cuts };
    }

    private static readonly ExtractionLimits Defaults = new();

    // The report's first paragraph, after at most a kicker and a byline line (5127883).
    private const int DatelineParagraphs = 3;

    private static ExtractedArticle SingleArticle(IDocument document, IElement body, Metadata metadata, DateFinding dates)
    {
        var containers = MainContent.Find(body);
        var published = dates.Published is { } date ? (date, dates.Source!) : PublicationDate.FromBodyText(body, containers[0], dates);
        return Article(document, HtmlBodyBlocks.From([.. Lead.Before(body, containers), .. containers]), metadata.Title, published, dates.Modified) with { Byline = metadata.Byline };
    }

    private static ExtractedArticle SegmentArticle(IDocument document, IElement segment, int number, DateFinding pageDates, Uri? pageUrl)
    {
        // A digest item carries its own date line; the page date is only the date of the digest.
        var published = PublicationDate.InElement(segment)
            ?? (pageDates.Published is { } date ? (date, "page:" + pageDates.Source) : null);
        var (outlet, url) = HtmlDigestSegments.Origin(segment, pageUrl);
        return Article(document, HtmlBodyBlocks.From([segment]), HtmlDigestSegments.Title(segment), published, null) with
        {
            Segment = number,
            OriginalOutlet = outlet,
            OriginalUrl = url,
        };
    }

    private static ExtractedArticle Article(IDocument document, IReadOnlyList<BodyBlock> blocks, string? title,
        (DateTimeOffset Date, string Source)? published, DateTimeOffset? modified)
    {
        var body = blocks.Where(b => b.Kind != BodyBlockKind.Heading || b.Text != title).ToList();
        // The dateline opens the report, which may come after a kicker or a byline line.
        var opening = body.Where(b => b.Kind == BodyBlockKind.Paragraph).Take(DatelineParagraphs).Select(b => b.Text);
        return new ExtractedArticle
        {
            Title = title,
            Dateline = opening.Select(Dateline.Of).FirstOrDefault(d => d is not null),
            Published = published?.Date,
            PublishedSource = published?.Source,
            Modified = modified,
            Language = Language.Of(document, string.Join(" ", body.Select(b => b.Text))),
            Blocks = body,
        };
    }
}
