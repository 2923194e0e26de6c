using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Pipeline;
using KazakhUnrest.Scraper.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Import;

public sealed record ImportResult(IngestResult Articles, int Files, int FailedFiles, string? LastError);

/// <summary>Imports capture files (HTML, text, WARC) through the pipeline's capture steps; used by the import command and folder sources.</summary>
public sealed partial class Importer(ArticlePipeline pipeline, ILogger<Importer> logger)
{
    public async Task<ImportResult> ImportAsync(IReadOnlyList<(string File, string Root)> files, bool isSample, int? sourceId,
        Action<string>? onFile, CancellationToken ct)
    {
        var total = IngestResult.None;
        var failed = 0;
        string? lastError = null;
        var importedAt = DateTimeOffset.UtcNow;
        foreach (var (file, root) in files)
        {
            try
            {
                foreach (var capture in Read(file, root, importedAt, sourceId))
                {
                    total = total.Add(await pipeline.IngestAsync(capture, isSample, ct));
                }
            }
            catch (Exception e) when (e is IngestException or IOException or InvalidDataException or WarcFormatException)
            {
                failed++;
                lastError = $"{Path.GetFileName(file)}: {e.Message}";
                LogFailed(logger, e, file, e.Message);
            }

            onFile?.Invoke(Path.GetFileName(file));
        }

        return new ImportResult(total, files.Count, failed, lastError);
    }

    private IEnumerable<RawCapture> Read(string file, string root, DateTimeOffset importedAt, int? sourceId)
    {
        if (CaptureFiles.KindOf(file) != CaptureOrigin.Warc)
        {
            yield return CaptureFiles.Read(file, root, importedAt) with { SourceId = sourceId };
            yield break;
        }

        foreach (var response in WarcReader.ReadFile(file, onSkipped: reason => LogSkipped(logger, file, reason)))
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
