using KazakhUnrest.Core.Cleaning;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Scraper.Ingest;

/// <summary>Pipeline step: raw bytes to an <see cref="ExtractedPage"/>, choosing the extractor by what the capture is.</summary>
public static class Extract
{
    public static ExtractedPage Page(RawCapture capture)
    {
        var text = CharsetDetector.Detect(capture.Bytes, HeaderCharset(capture.ContentType)).Decode(capture.Bytes);
        var pageUrl = capture.Url.Scheme is "http" or "https" ? capture.Url : null;
        return capture.IsPlainText
            ? TextCaptureCleaner.Clean(text, pageUrl, capture.Origin == Core.Data.CaptureOrigin.TextFile ? null : capture.FetchedAt)
            : HtmlExtractor.Extract(text, pageUrl);
    }

    private static string? HeaderCharset(string? contentType) =>
        System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet : null;
}
