using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// Cleans plain text captured from a web page (a browser's "copy all"): drops page furniture, keeps a
/// repeated block once, rejoins broken paragraphs, splits pages that glue several articles, and reads
/// headline, standfirst, date line, dateline and section headings.
/// </summary>
public static class TextCaptureCleaner
{
    private const string InferredSource = "text-relative";

    public static ExtractedPage Clean(string text, Uri? pageUrl = null, DateTimeOffset? capturedAt = null)
    {
        var lines = Lines.Split(text).Select(FurnitureLines.StripGluedDuration).ToList();
        var repeated = FurnitureLines.RepeatedShortLines(lines);
        var articles = TextDigestSegments.Split(lines)
            .Select(segment => Article(segment, repeated))
            .Where(article => article.Blocks.Count > 0)
            .ToList();
        return new ExtractedPage
        {
            Articles = articles.Count > 1
                ? articles.Select((article, i) => article with { Segment = i + 1 }).ToList()
                : articles.Select(article => WithPageDate(article, pageUrl, capturedAt)).ToList(),
        };
    }

    /// <summary>
    /// The page's URL and capture time date a single article only: an aggregator re-posts articles of any
    /// age, so neither bounds its segments. A printed date beats the URL, the URL beats weekdays.
    /// </summary>
    private static ExtractedArticle WithPageDate(ExtractedArticle article, Uri? pageUrl, DateTimeOffset? capturedAt)
    {
        if (article.Published is not null && !article.PublishedInferred)
        {
            return article;
        }

        if (Dates.FromUrl(pageUrl) is { } fromUrl)
        {
            return article with { Published = fromUrl, PublishedInferred = false, PublishedSource = "url" };
        }

        if (article.Published is null && PublicationDay.FromText(article.Text, capturedAt) is { } inferred)
        {
            return article with { Published = inferred, PublishedInferred = true, PublishedSource = InferredSource };
        }

        return article;
    }

    private static ExtractedArticle Article(IReadOnlyList<string> segment, IReadOnlySet<string> repeated)
    {
        var lines = BrokenParagraphs.Rejoin(RepeatedBlocks.KeepOnce(FurnitureLines.Drop(segment, repeated)));
        var meta = MetadataLines.Take(lines);
        var header = Headlines.Read(meta.Lines);
        var blocks = TextBodyBlocks.Build(header.Body);
        var bodyText = string.Join("\n", blocks.Select(block => block.Text));
        var inferred = meta.Published is null ? PublicationDay.FromText(bodyText, capturedAt: (DateTimeOffset?)null) : null;
        return new ExtractedArticle
        {
            Title = header.Title,
            Standfirst = header.Standfirst,
            Byline = meta.Byline,
            Dateline = meta.Place ?? (blocks.Count > 0 ? Datelines.FromOpening(blocks[0].Text) : null),
            Published = meta.Published ?? inferred,
            PublishedInferred = inferred is not null,
            PublishedSource = meta.Published is not null ? "text" : inferred is not null ? InferredSource : null,
            Modified = meta.Modified,
            Language = Extraction.Language.Guess(bodyText),
            Blocks = blocks,
        };
    }
}
