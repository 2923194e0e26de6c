using KazakhUnrest.Core.Cleaning;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Steps 2 and 3, extract and clean: raw bytes to an <see cref="ExtractedPage"/> of cleaned, split articles, choosing the
/// extractor by what the capture is (a plain-text copy of a page, or HTML).
/// </summary>
public static class ExtractStep
{
    public static ExtractedPage Run(RawCapture capture)
    {
        var text = CharsetDetector.Decode(capture.Bytes, capture.ContentType);
        var pageUrl = capture.Url.Scheme is "http" or "https" ? capture.Url : null;
        return capture.IsPlainText
            ? TextCaptureCleaner.Clean(text, pageUrl, capture.Origin == Core.Data.CaptureOrigin.TextFile ? null : capture.FetchedAt)
            : HtmlExtractor.Extract(text, pageUrl);
    }
}
