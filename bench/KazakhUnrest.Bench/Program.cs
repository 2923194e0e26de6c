using System.Globalization;
using KazakhUnrest.Bench;

if (args.Length == 0 || args[0] != "extraction")
{
    Console.Error.WriteLine("usage: KazakhUnrest.Bench extraction [--corpus ../shared/corpus/extraction-dev] [--problems] [--show FILE]");
    return 2;
}

var corpus = OptionValue("--corpus") ?? Path.Combine("..", "shared", "corpus", "extraction-dev");
if (!File.Exists(Path.Combine(corpus, "snippets.json")))
{
    Console.Error.WriteLine($"no snippets.json in {Path.GetFullPath(corpus)}");
    return 1;
}

if (OptionValue("--show") is { } file)
{
    Console.WriteLine(ExtractionBenchmark.Describe(corpus, file));
    return 0;
}

var score = ExtractionBenchmark.Run(corpus);
if (args.Contains("--problems"))
{
    foreach (var result in score.Results.Where(r => r.Problems.Count > 0))
        Console.WriteLine($"{result.File}\n  {string.Join("\n  ", result.Problems)}");
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    pages           {score.Pages}
    keep snippets   TP {score.TruePositives}  FN {score.FalseNegatives}  drop found (FP) {score.FalsePositives}
    precision       {score.Precision:F3}
    recall          {score.Recall:F3}
    F1              {score.F1:F3}
    date accuracy   {score.DateAccuracy:F3} ({score.DatesRight}/{score.DatedPages})
    pages/second    {score.PagesPerSecond:F1}
    """));
return 0;

string? OptionValue(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
