using System.CommandLine;
using KazakhUnrest.Core.Captures;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Cli;

/// <summary>
/// Re-runs the pipeline on stored data from a step on, so an improved step reaches old articles without fetching again:
/// from <c>extract</c> (the default) every kept raw capture is extracted and stored again (changed articles get a revision
/// and go through the rest); from a later step the stored articles are filed or read again.
/// </summary>
public static partial class ReprocessCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = "First step to re-run: " + string.Join(", ", Enum.GetNames<PipelineStep>().Select(n => n.ToLowerInvariant()))
                + ". capture to store re-extract the kept captures; relevance to story re-file every article; entities to framing read every article again; timeline rebuilds it.",
            DefaultValueFactory = _ => "extract",
        };
        from.AcceptOnlyFromAmong([.. Enum.GetNames<PipelineStep>().Select(n => n.ToLowerInvariant())]);
        var command = new Command("reprocess", "Re-run the pipeline on stored data from a step on (default: extract from the kept raw captures).") { from };
        command.SetAction(async (parse, ct) =>
        {
            var builder = ScraperHost.CreateBuilder();
            builder.AddPipeline();
            using var host = builder.Build();
            return await RunFromAsync(host.Services, Enum.Parse<PipelineStep>(parse.GetValue(from)!, ignoreCase: true), ct);
        });
        return command;
    }

    /// <summary>The pipeline again from <paramref name="step"/> on, over everything stored.</summary>
    public static async Task<int> RunFromAsync(IServiceProvider services, PipelineStep step, CancellationToken ct)
    {
        if (step > PipelineStep.Store)
        {
            var result = await services.GetRequiredService<ArticlePipeline>().RerunFromAsync(step, ct);
            Console.Error.WriteLine($"reprocess from {step.ToString().ToLowerInvariant()}: {result.Summary}.");
            return 0;
        }

        var status = await RunAsync(services, ct);
        await CrawlCommand.CatchUpAsync(services, ct);
        return status;
    }

    /// <summary>Steps 1–4 again for every kept capture.</summary>
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
                total = total.Add(await services.GetRequiredService<ArticlePipeline>().IngestAsync(raw, isSample, ct));
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
