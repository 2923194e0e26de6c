using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Scraper.Pipeline;
using KazakhUnrest.Scraper.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Import;

/// <param name="Refused">Each file and WARC record that was not stored, with the reason (too large, no article, extraction over its budget ...).</param>
public sealed record ImportResult(IngestResult Articles, int Files, int FailedFiles, string? LastError, IReadOnlyList<string> Refused);

/// <summary>Imports capture files (HTML, text, WARC) through the pipeline's capture steps; used by the import command and folder sources.</summary>
public sealed partial class Importer(ArticlePipeline pipeline, IOptions<IngestLimits> limits, ILogger<Importer> logger)
{
    public async Task<ImportResult> ImportAsync(IReadOnlyList<(string File, string Root)> files, bool isSample, int? sourceId,
        Action<string>? onFile, CancellationToken ct)
    {
        var total = IngestResult.None;
        var failed = 0;
        string? lastError = null;
        var refused = new List<string>();
        var importedAt = DateTimeOffset.UtcNow;
        foreach (var (file, root) in files)
        {
            try
            {
                foreach (var capture in Read(file, root, importedAt, sourceId, refused))
                {
                    total = total.Add(await pipeline.IngestAsync(capture, isSample, ct));
                }
            }
            catch (Exception e) when (e is IngestException or IOException or InvalidDataException or WarcFormatException or BodyTooLargeException)
            {
                failed++;
                lastError = $"{Path.GetFileName(file)}: {e.Message}";
                refused.Add(lastError);
                LogFailed(logger, e, file, e.Message);
            }

            onFile?.Invoke(Path.GetFileName(file));
        }

        return new ImportResult(total, files.Count, failed, lastError, refused);
    }

    private IEnumerable<RawCapture> Read(string file, string root, DateTimeOffset importedAt, int? sourceId, List<string> refused)
    {
        var maxBytes = limits.Value.MaxFileBytes;
        if (CaptureFiles.KindOf(file) != CaptureOrigin.Warc)
        {
            yield return CaptureFiles.Read(file, root, importedAt, maxBytes) with { SourceId = sourceId };
            yield break;
        }

        // A record over the cap is passed over unread, as a fetched body over the cap is; the rest of the file goes on.
        foreach (var response in WarcReader.ReadFile(file, maxBytes, reason =>
        {
            refused.Add($"{Path.GetFileName(file)}: {reason}");
            LogSkipped(logger, file, reason);
        }))
        {
            if (response.TargetUri is null || response.StatusCode != 200 || !IsHtml(response.ContentType))
            {
                continue;
            }

            yield return new RawCapture(response.TargetUri, response.Body, CaptureOrigin.Warc, response.Date ?? importedAt,
                response.ContentType, response.StatusCode, $"{Path.GetFileName(file)}@{response.Offset}", sourceId);
        }
    }

    private static bool IsHtml(string? contentType) =>
        contentType is null
        || contentType.Contains("html", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(LogLevel.Error, "Import of {Path} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, Exception e, string path, string error);

    [LoggerMessage(LogLevel.Warning, "WARC {Path}: skipped a record: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);
}
