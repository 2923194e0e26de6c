using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Core.Cleaning;

/// <summary>
/// Cleans plain text captured from a web page (a browser's "copy all"): drops page furniture, keeps a
/// repeated block once, rejoins broken paragraphs, splits pages that glue several articles, and reads
/// headline, standfirst, date line, dateline and section headings.
/// </summary>
public static class TextCaptureCleaner
{
    public static ExtractedPage Clean(string text, Uri? pageUrl = null, DateTimeOffset? capturedAt = null)
    {
        var lines = Lines.Split(text).Select(FurnitureLines.StripGluedDuration).ToList();
        var repeated = FurnitureLines.RepeatedShortLines(lines);
        var articles = Segments.Split(lines)
            .Select(segment => Article(segment, repeated, capturedAt))
            .Where(article => article.Blocks.Count > 0)
            .ToList();
        return new ExtractedPage
        {
            Articles = articles.Count > 1
                ? articles.Select((article, i) => article with { Segment = i + 1 }).ToList()
                : articles.Select(article => WithUrlDate(article, pageUrl)).ToList(),
        };
    }

    /// <summary>
    /// A date in the URL beats one inferred from weekdays but not one the page prints. It dates single
    /// articles only: on an aggregator it is the day of the re-post, not of the articles.
    /// </summary>
    private static ExtractedArticle WithUrlDate(ExtractedArticle article, Uri? pageUrl) =>
        article.Published is null || article.PublishedInferred
            ? Dates.FromUrl(pageUrl) is { } date
                ? article with { Published = date, PublishedInferred = false, PublishedSource = "url" }
                : article
            : article;

    private static ExtractedArticle Article(IReadOnlyList<string> segment, IReadOnlySet<string> repeated, DateTimeOffset? capturedAt)
    {
        var lines = BrokenParagraphs.Rejoin(RepeatedBlocks.KeepOnce(FurnitureLines.Drop(segment, repeated)));
        var meta = MetadataLines.Take(lines);
        var header = Headlines.Read(meta.Lines);
        var blocks = BodyBlocks.Build(header.Body);
        var bodyText = string.Join("\n", blocks.Select(block => block.Text));
        var inferred = meta.Published is null ? RelativeDates.Infer(bodyText, capturedAt) : null;
        return new ExtractedArticle
        {
            Title = header.Title,
            Standfirst = header.Standfirst,
            Byline = meta.Byline,
            Dateline = meta.Place ?? (blocks.Count > 0 ? Datelines.FromOpening(blocks[0].Text) : null),
            Published = meta.Published ?? inferred,
            PublishedInferred = inferred is not null,
            PublishedSource = meta.Published is not null ? "text" : inferred is not null ? "text-relative" : null,
            Modified = meta.Modified,
            Language = Language.Guess(bodyText),
            Blocks = blocks,
        };
    }
}
