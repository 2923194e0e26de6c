using System.CommandLine;
using System.Diagnostics;
using KazakhUnrest.DevTools.Generate;

namespace KazakhUnrest.DevTools;

/// <summary>Generates a labelled corpus of reports for the quality and speed benchmarks; touches no database.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "How many articles to generate.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and size give the same bytes.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for articles.jsonl (or articles.warc.gz) and truth.json.", Required = true };
        var format = new Option<string>("--format") { Description = "jsonl (default) or warc (HTML pages as WARC response records, for import).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "warc");
        var command = new Command("generate", "Generate a deterministic corpus of reports about the January 2022 unrest, with story labels, wire and near copies, off-topic pieces and the ground truth.")
        {
            articles, seed, output, format,
        };
        command.SetAction(parse => Run(parse.GetValue(articles), parse.GetValue(seed), parse.GetValue(output)!.FullName, parse.GetValue(format)!));
        return command;
    }

    public static int Run(int articles, int seed, string folder, string format)
    {
        if (articles < 1)
        {
            Console.Error.WriteLine("generate: --articles must be at least 1");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        var corpus = CorpusGenerator.Generate(articles, seed);
        var files = CorpusFiles.Write(corpus, seed, folder, format);
        Console.Error.WriteLine($"generate: {corpus.Articles.Count:N0} articles in {stopwatch.Elapsed.TotalSeconds:F1} s: {string.Join(", ", files)}");
        return 0;
    }
}
