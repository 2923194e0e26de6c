using KazakhUnrest.Core.Cleaning;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Steps 2 and 3, extract and clean: raw bytes to an <see cref="ExtractedPage"/> of cleaned, split articles, choosing the
/// extractor by what the capture is (a plain-text copy of a page, or HTML).
/// </summary>
public static class ExtractStep
{
    /// <summary>
    /// The capture's articles within <paramref name="limits"/>: HTML bounded in depth and elements before parsing, every
    /// stored field capped and cleaned of control characters, each cut named in <see cref="ExtractedPage.Cuts"/>.
    /// </summary>
    public static ExtractedPage Run(RawCapture capture, ExtractionLimits limits, CancellationToken ct = default)
    {
        var text = CharsetDetector.Decode(capture.Bytes, capture.ContentType);
        ct.ThrowIfCancellationRequested();
        var pageUrl = capture.Url.Scheme is "http" or "https" ? capture.Url : null;
        var page = capture.IsPlainText
            ? TextCaptureCleaner.Clean(text, pageUrl, capture.Origin == Core.Data.CaptureOrigin.TextFile ? null : capture.FetchedAt)
            : HtmlExtractor.Extract(text, pageUrl, limits, ct);
        ct.ThrowIfCancellationRequested();
        return FieldCaps.Apply(page, limits);
    }
}
