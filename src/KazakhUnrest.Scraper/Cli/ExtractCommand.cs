using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Scraper.Import;
using KazakhUnrest.Scraper.Pipeline;

namespace KazakhUnrest.Scraper.Cli;

/// <summary>Runs extraction on files and prints what would be stored, one JSON object per article; touches no database.</summary>
public static class ExtractCommand
{
    // extract reads no configuration: the default limits, as the pipeline has them unless configured otherwise.
    private static readonly IngestLimits Limits = new();
    private static readonly ExtractionLimits Extraction = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders (.html, .htm, .txt).", Arity = ArgumentArity.OneOrMore };
        // Parsed here: System.CommandLine has no parser for Uri, so an Option<Uri> refused every value.
        var url = new Option<Uri?>("--url")
        {
            Description = "The page's address (http or https), when extracting a single file fetched from it.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--url: '{text}' is not an http or https address");
                return null;
            },
        };
        var output = new Option<FileInfo?>("--out") { Description = "Write JSON lines to this file instead of stdout." };
        var command = new Command("extract", "Extract articles from captured files and print them as JSON lines (file, url, title, byline, published, modified, language, text, paragraphs, segment). Stores nothing.")
        {
            paths, url, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var outFile = parse.GetValue(output);
            await using var writer = outFile is null ? Console.Out : new StreamWriter(outFile.FullName);
            return await RunAsync(parse.GetValue(paths)!, parse.GetValue(url), writer, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(string[] paths, Uri? url, TextWriter writer, CancellationToken ct)
    {
        var failed = 0;
        IReadOnlyList<(string File, string Root)> files;
        try
        {
            files = CaptureFiles.Find(paths);
        }
        catch (FileNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"extract: {e.Message}");
            return 1;
        }

        foreach (var (file, root) in files.Where(f => CaptureFiles.KindOf(f.File) != CaptureOrigin.Warc))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var raw = CaptureFiles.Read(file, root, DateTimeOffset.UtcNow, Limits.MaxFileBytes);
                if (url is not null && files.Count == 1)
                {
                    raw = raw with { Url = url };
                }

                var page = ExtractStep.Run(raw, Extraction, ct);
                foreach (var article in page.Articles)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        File = file,
                        Url = StoreStep.ArticleUrl(raw.Url, page.CanonicalUrl).AbsoluteUri,
                        Title = StoreStep.TitleOf(article),
                        article.Byline,
                        article.Published,
                        article.Modified,
                        article.Language,
                        article.Text,
                        Paragraphs = article.Blocks.Select(b => b.Text).ToList(),
                        article.Segment,
                    }, Json));
                }
            }
            catch (Exception e) when (e is IOException or IngestException or InvalidDataException or BodyTooLargeException)
            {
                failed++;
                await Console.Error.WriteLineAsync($"extract: {file}: {e.Message}");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
