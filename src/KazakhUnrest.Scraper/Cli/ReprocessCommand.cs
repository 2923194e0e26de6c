using System.CommandLine;
using KazakhUnrest.Core.Captures;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Cli;

/// <summary>Re-runs extraction and storage on the kept raw captures, so an improved extractor reaches old articles without fetching again.</summary>
public static partial class ReprocessCommand
{
    public static Command Create()
    {
        var command = new Command("reprocess", "Re-extract every article from its stored raw capture; changed articles get a new revision.");
        command.SetAction(async (_, ct) =>
        {
            var builder = ScraperHost.CreateBuilder();
            builder.AddIngest();
            using var host = builder.Build();
            return await RunAsync(host.Services, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reprocess");
        List<long> captureIds;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
            captureIds = await db.Articles.Where(a => a.CaptureId != null).Select(a => a.CaptureId!.Value).Distinct().OrderBy(id => id).ToListAsync(ct);
        }

        var progress = new Progress(captureIds.Count, "captures");
        var total = IngestResult.None;
        var failed = 0;
        foreach (var id in captureIds)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
            var capture = await db.Captures.AsNoTracking().SingleAsync(c => c.Id == id, ct);
            var isSample = await db.Articles.AnyAsync(a => a.CaptureId == id && a.IsSample, ct);
            var raw = new RawCapture(new Uri(capture.Url), CaptureBody.Decompress(capture.Compressed), capture.Origin, capture.FetchedAt,
                capture.ContentType, capture.StatusCode, capture.OriginDetail, capture.SourceId);
            try
            {
                total = total.Add(await scope.ServiceProvider.GetRequiredService<Ingestor>().IngestAsync(raw, isSample, ct));
            }
            catch (IngestException e)
            {
                failed++;
                LogFailed(logger, id, capture.Url, e.Message);
            }

            progress.Step(capture.Url);
        }

        progress.Finish();
        Console.Error.WriteLine($"reprocess: {captureIds.Count} captures: {total.New} new, {total.Updated} updated, {total.Unchanged} unchanged articles; {failed} failed.");
        return failed == 0 ? 0 : 1;
    }

    [LoggerMessage(LogLevel.Error, "Reprocessing capture {CaptureId} ({Url}) failed: {Error}")]
    private static partial void LogFailed(ILogger logger, long captureId, string url, string error);
}
