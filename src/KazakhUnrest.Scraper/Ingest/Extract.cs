using KazakhUnrest.Core.Cleaning;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Scraper.Ingest;

/// <summary>Pipeline step: raw bytes to an <see cref="ExtractedPage"/>, choosing the extractor by what the capture is.</summary>
public static class Extract
{
    public static ExtractedPage Page(RawCapture capture)
    {
        var text = CharsetDetector.Decode(capture.Bytes, capture.ContentType);
        var pageUrl = capture.Url.Scheme is "http" or "https" ? capture.Url : null;
        return capture.IsPlainText
            ? TextCaptureCleaner.Clean(text, pageUrl, capture.Origin == Core.Data.CaptureOrigin.TextFile ? null : capture.FetchedAt)
            : HtmlExtractor.Extract(text, pageUrl);
    }
}
