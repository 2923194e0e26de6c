using System.CommandLine;
using System.Diagnostics;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper.Import;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Cli;

public static partial class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders: .html, .htm, .txt captures, .warc, .warc.gz.", Arity = ArgumentArity.OneOrMore };
        var outlets = new Option<FileInfo?>("--outlets") { Description = "JSON file describing outlets (name, slug, homepage, country, kind, language), upserted first." };
        var sample = new Option<bool>("--sample") { Description = "Mark the outlets and articles as sample data (shown as such on the site)." };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Do nothing when the database already holds articles." };
        var command = new Command("import", "Import captured pages into the database; re-importing changes nothing.") { paths, outlets, sample, ifEmpty };
        command.SetAction(async (parse, ct) =>
        {
            var builder = ScraperHost.CreateBuilder();
            builder.AddPipeline();
            using var host = builder.Build();
            return await RunAsync(host.Services, parse.GetValue(paths)!, parse.GetValue(outlets)?.FullName,
                parse.GetValue(sample), parse.GetValue(ifEmpty), ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] paths, string? outletsFile, bool isSample, bool ifEmpty, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Import");
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
            if (ifEmpty && await db.Articles.AnyAsync(ct))
            {
                Console.Error.WriteLine("import: the database already holds articles; nothing imported (--if-empty).");
                return 0;
            }

            if (outletsFile is not null)
            {
                var count = await OutletsFile.UpsertAsync(db, outletsFile, isSample, logger, ct);
                LogOutlets(logger, count, outletsFile);
            }
        }

        IReadOnlyList<(string File, string Root)> files;
        try
        {
            files = CaptureFiles.Find(paths);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"import: {e.Message}");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var progress = new Progress(files.Count, "files");
        var done = 0;
        ImportResult result;
        CatchUpResult caughtUp;
        try
        {
            result = await services.GetRequiredService<Importer>().ImportAsync(files, isSample, null, file =>
            {
                done++;
                progress.Step(file);
            }, ct);
            progress.Finish();
            caughtUp = await services.GetRequiredService<ArticlePipeline>().CatchUpAsync(ct);
        }
        catch (Exception e) when (e.IsDatabaseGone())
        {
            progress.Finish();
            throw new DatabaseGoneException(done < files.Count
                ? $"The first {done} of {files.Count} files were imported before it went away."
                : $"All {files.Count} files were imported; the rest of the pipeline (stories, entities, timeline) stopped part-way.", e);
        }

        var total = result.Articles;
        Console.Error.WriteLine(
            $"import: {files.Count} files in {clock.Elapsed.TotalSeconds:0.0} s: {total.New} new, {total.Updated} updated, " +
            $"{total.Unchanged} unchanged articles; {result.FailedFiles} files failed; {caughtUp.Summary}.");
        return result.FailedFiles == 0 ? 0 : 1;
    }

    [LoggerMessage(LogLevel.Information, "Upserted {OutletCount} outlets from {Path}")]
    private static partial void LogOutlets(ILogger logger, int outletCount, string path);

}
