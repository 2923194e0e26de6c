using System.Globalization;
using KazakhUnrest.Bench;
using KazakhUnrest.DevTools.Scoring;

if (args.Length > 0 && args[0] == "story-step")
{
    var result = await StoryStepBenchmark.RunAsync(int.Parse(OptionValue("--articles") ?? "100000", CultureInfo.InvariantCulture),
        int.Parse(OptionValue("--seed") ?? "1", CultureInfo.InvariantCulture), args.Contains("--events"), args.Contains("--keep"),
        largestStory: int.Parse(OptionValue("--largest-story") ?? "0", CultureInfo.InvariantCulture));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        articles          {result.Articles}
        bulk load         {result.LoadSeconds:F1} s (COPY; not part of the step)
        story step        {result.StepSeconds:F1} s = {result.Articles / result.StepSeconds:F0} articles/s (relevance, sketches, dedup, clustering, writes)
        first 10k         {result.FirstChunkMs:F0} ms
        last 10k          {result.LastChunkMs:F0} ms ({result.LastChunkMs / result.FirstChunkMs:F2}x the first)
        peak memory       {result.PeakWorkingSet / 1024 / 1024} MiB (benchmark process)
        stories B-cubed   P {result.Stories.Precision:F3}  R {result.Stories.Recall:F3}  F1 {result.Stories.F1:F3}
        duplicate pairs   P {result.Duplicates.Precision:F3}  R {result.Duplicates.Recall:F3}
        second process    first batch filed {result.JoinSeconds:F1} s after start (clusterer snapshot loaded and caught up)
        events step      {(result.EventsSeconds is { } es ? $"{es:F1} s = {result.Articles / es:F0} articles/s (entities, dates, events, writes, timeline rebuild)" : "not run (--events)")}
        """));
    return 0;
}

if (args.Length > 0 && args[0] == "search")
{
    var (articles, seed) = ((int)Number("--articles", 100_000), (int)Number("--seed", 1));
    var (clients, requests, concurrentRequests) = ((int)Number("--clients", 64), (int)Number("--requests", 40), (int)Number("--concurrent-requests", 256));
    var webDll = OptionValue("--web") ?? Path.Combine("src", "KazakhUnrest.Web", "bin", "Release", "net10.0", "KazakhUnrest.Web.dll");
    var generated = KazakhUnrest.DevTools.Generate.CorpusGenerator.Generate(articles, seed);
    SearchScore? searched = null;
    async Task SearchAsync(string connectionString)
    {
        Console.WriteLine("searching:");
        searched = await SearchBenchmark.RunAsync(connectionString, generated, webDll, requests, clients, concurrentRequests, Console.Out,
            (int)Number("--queries", 20), !args.Contains("--no-quality"));
    }

    if (args.Contains("--reuse"))
    {
        await SearchAsync(Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? throw new InvalidOperationException("--reuse needs ConnectionStrings__Default: the database a story-step --events --keep (or search --keep) run printed"));
    }
    else
    {
        var built = await StoryStepBenchmark.RunAsync(articles, seed, events: true, keep: args.Contains("--keep"), then: SearchAsync);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"database: {articles} articles, COPY {built.LoadSeconds:F0} s, story step {built.StepSeconds:F0} s, events step {built.EventsSeconds:F0} s (search vectors filled by the trigger during COPY)"));
    }

    Console.WriteLine(SearchBenchmark.Table(searched!, clients));
    return searched!.Latency.Sum(l => l.One.Errors + l.Many.Errors) == 0 ? 0 : 1;
}

if (args.Length > 0 && args[0] == "http")
{
    var h = await HttpBenchmark.RunAsync(new Uri(OptionValue("--url") ?? "http://127.0.0.1:5080/timeline"), (int)Number("--requests", 200),
        (int)Number("--clients", 1));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{h.Url}: {h.Requests} requests by {h.Clients} client(s), median {h.MedianMs:F1} ms, p99 {h.P99Ms:F1} ms, max {h.MaxMs:F1} ms, {h.PerSecond:F0} requests/s, {h.Bytes / 1024} KiB per page, {h.Errors} errors"));
    return h.Errors == 0 ? 0 : 1;
}

if (args.Length > 0 && args[0] == "hostile")
{
    if (OptionValue("--write") is { } folder)
    {
        HostileBenchmark.Write(folder);
        return 0;
    }

    return HostileBenchmark.Run(OptionValue("--input"), TimeSpan.FromSeconds(Number("--timeout", 120)));
}

if (args.Length > 0 && args[0] == "events")
{
    var e = EventsBenchmark.Run((int)Number("--articles", 10_000), (int)Number("--seed", 1));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        articles        {e.Articles}
        articles/s      {e.ArticlesPerSecond:F0} (one thread: entities, candidate names, date expressions, events)
        found           {e.Entities} entity mentions, {e.Dates} date expressions, {e.Events} events
        figures         {e.FiguresPerSecond:F0} articles/s (one thread, headline and body, entity lookup included), {e.Figures} figures
        figures+quotes  {e.FiguresAndQuotesPerSecond:F0} articles/s (one thread: entity lookup, figures, quotes, framing), {e.Quotes} quotes, {e.Framing} framing terms
        peak memory     {e.PeakWorkingSet / 1024 / 1024} MiB
        """));
    return 0;
}

if (args.Length > 0 && args[0] == "hostile-xml")
{
    foreach (var r in HostileXmlBenchmark.Run((int)Number("--depth", 100_000)))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Input,-36} {r.Bytes / 1024.0,8:F0} KiB  {r.Seconds,7:F2} s  {r.AllocatedBytes / (1024.0 * 1024),8:F0} MiB allocated  {r.Outcome[..Math.Min(r.Outcome.Length, 90)]}"));
    }
    return 0;
}

if (args.Length > 0 && args[0] == "real-dev")
{
    var r = await RealDevBenchmark.RunAsync(OptionValue("--corpus") ?? Path.Combine("..", "shared", "corpus", "real-dev"), args.Contains("--keep"));
    if (args.Contains("--show"))
    {
        Console.WriteLine(string.Join("\n", r.Lines));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        real-dev: {r.Pages} labelled pages, {r.Imported} filed as articles
        stories          B-cubed P {r.Stories.Precision:F3} R {r.Stories.Recall:F3} F1 {r.Stories.F1:F3} ({r.PredictedStories} predicted for {r.GoldStories} labelled developments)
        wire copies      pairs P {r.Copies.Precision:F3} R {r.Copies.Recall:F3} ({r.GoldCopyPairs} labelled pairs)
        off-topic        P {r.OffTopic.Precision:F3} R {r.OffTopic.Recall:F3}
        publication day  {r.PrintedDaysRight}/{r.PrintedDays} right where the page prints one; {r.LabelledDaysRight}/{r.LabelledDays} = {(double)r.LabelledDaysRight / Math.Max(1, r.LabelledDays):F3} where the label has a day ({r.LabelledDaysMissing} undated)
        milestones (day on the timeline, expected):
        """));
    foreach (var m in r.Milestones)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {(RealDevScoring.OnItsDay(m) ? "ok  " : "MISS")} {m.Name,-36} {m.Shown?.ToString("MM-dd", CultureInfo.InvariantCulture) ?? "none"}{(m.Inferred ? " (inferred)" : "")} expected {m.Expected:MM-dd}  [{m.Sources} sources] {m.Heading[..Math.Min(m.Heading.Length, 90)]}"));
    }

    Console.WriteLine($"milestones on their day: {r.Milestones.Count(RealDevScoring.OnItsDay)}/{r.Milestones.Count}");
    return 0;
}

if (args.Length > 0 && args[0] == "stories-real")
{
    foreach (var r in RealStoriesBenchmark.Run(OptionValue("--corpus") ?? Path.Combine("..", "shared", "corpus"), OptionValue("--samples") ?? "samples", ClustererOptions()))
    {
        if (args.Contains("--show"))
        {
            Console.WriteLine(string.Join("\n", r.Lines));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Corpus,-8} stories predicted {r.Predicted} gold {r.Gold}  B-cubed P {r.Stories.Precision:F3} R {r.Stories.Recall:F3} F1 {r.Stories.F1:F3}"));
    }
    return 0;
}

if (args.Length > 0 && args[0] == "stories")
{
    return StoriesCommand((int)Number("--articles", 10_000), (int)Number("--seed", 1));
}

if (args.Length == 0 || args[0] != "extraction")
{
    Console.Error.WriteLine("usage: KazakhUnrest.Bench extraction [--corpus ../shared/corpus/extraction-dev] [--problems] [--show FILE]\n"
        + "       KazakhUnrest.Bench story-step [--articles 100000] [--seed 1] [--events] [--keep] [--largest-story N]   (ConnectionStrings__Default, else a throwaway cluster)\n"
        + "       KazakhUnrest.Bench stories [--articles 10000] [--seed 1] [--threshold T] [--entity-bonus B] [--outlet-penalty P] [--window-hours H] [--postings N] [--candidates N] [--article-terms N] [--story-terms N] [--lookup N] [--idf-power X] [--floor X] [--bg-factor X] [--bg-prior X] [--bg-weight N] [--kind-weight X] [--lead-length N] [--time-penalty X] [--time-grace-hours H] [--labelled-relevance]\n"
        + "       KazakhUnrest.Bench search [--articles 100000] [--seed 1] [--keep | --reuse] [--web src/KazakhUnrest.Web/bin/Release/net10.0/KazakhUnrest.Web.dll] [--requests 40] [--clients 64] [--concurrent-requests 256] [--queries 20] [--no-quality]   (builds the story-step --events database, or --reuse ConnectionStrings__Default's; runs the built site, page cache off: latency of 20 queries, precision and recall per story)\n"
        + "       KazakhUnrest.Bench http [--url http://127.0.0.1:5080/timeline] [--requests 200] [--clients 1]   (concurrent clients share the requests)\n"
        + "       KazakhUnrest.Bench hostile [--input NAME] [--timeout 120] [--write DIR]   (extraction time and peak memory of each hostile page; --write saves them for an import)\n"
        + "       KazakhUnrest.Bench events [--articles 10000] [--seed 1]   (entity, date and event extraction speed)\n"
        + "       KazakhUnrest.Bench hostile-xml [--depth 100000]   (deeply nested and oversized feeds and sitemaps through the parsers)\n"
        + "       KazakhUnrest.Bench real-dev [--corpus ../shared/corpus/real-dev] [--show] [--keep]   (imports the real pages into an empty database through the pipeline; stories, copies, off-topic, days, milestones against labels.tsv)\n"
        + "       KazakhUnrest.Bench stories-real [--show] [same clusterer options]   (seeds, sample capture and real-dev, clustered in memory, against their labels)");
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
    Console.WriteLine(ExtractionScoring.Describe(corpus, file));
    return 0;
}

var score = ExtractionScoring.Run(corpus);
if (args.Contains("--problems"))
{
    foreach (var result in score.Results.Where(r => r.Problems.Count > 0))
    {
        Console.WriteLine($"{result.File}\n  {string.Join("\n  ", result.Problems)}");
    }
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    pages           {score.Pages}
    keep snippets   TP {score.TruePositives}  FN {score.FalseNegatives}  drop found (FP) {score.FalsePositives}
    precision       {score.Precision:F3}
    recall          {score.Recall:F3}
    F1              {score.F1:F3}
    date accuracy   {score.DateAccuracy:F3} ({score.DatesRight}/{score.DatedPages})
    whole-page text P {score.Baseline.Precision:F3}  R {score.Baseline.Recall:F3}  F1 {score.Baseline.F1:F3}  (baseline: all visible text)
    pages/second    {score.PagesPerSecond:F1} (one thread)
    peak memory     {score.PeakWorkingSet / (1024.0 * 1024):F0} MB (peak working set)
    """));
return 0;

double Number(string name, double fallback) =>
    OptionValue(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? OptionValue(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

KazakhUnrest.Core.Stories.StoryClustererOptions ClustererOptions()
{
    var defaults = new KazakhUnrest.Core.Stories.StoryClustererOptions();
    return defaults with
    {
        JoinThreshold = Number("--threshold", defaults.JoinThreshold),
        EntityBonus = Number("--entity-bonus", defaults.EntityBonus),
        SameOutletPenalty = Number("--outlet-penalty", defaults.SameOutletPenalty),
        Window = TimeSpan.FromHours(Number("--window-hours", defaults.Window.TotalHours)),
        PostingsScanned = (int)Number("--postings", defaults.PostingsScanned),
        MaxCandidates = (int)Number("--candidates", defaults.MaxCandidates),
        ArticleTerms = (int)Number("--article-terms", defaults.ArticleTerms),
        StoryTerms = (int)Number("--story-terms", defaults.StoryTerms),
        LookupTerms = (int)Number("--lookup", defaults.LookupTerms),
        IdfPower = Number("--idf-power", defaults.IdfPower),
        JoinFloor = Number("--floor", defaults.JoinFloor),
        BackgroundFactor = Number("--bg-factor", defaults.BackgroundFactor),
        BackgroundPrior = Number("--bg-prior", defaults.BackgroundPrior),
        BackgroundPriorWeight = Number("--bg-weight", defaults.BackgroundPriorWeight),
        LeadKindWeight = Number("--kind-weight", defaults.LeadKindWeight),
        LeadLength = (int)Number("--lead-length", defaults.LeadLength),
        TimePenaltyPerDay = Number("--time-penalty", defaults.TimePenaltyPerDay),
        TimeGrace = TimeSpan.FromHours(Number("--time-grace-hours", defaults.TimeGrace.TotalHours)),
    };
}

int StoriesCommand(int articles, int seed)
{
    var s = StoriesBenchmark.Run(articles, seed, ClustererOptions(), args.Contains("--labelled-relevance"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        articles            {s.Articles}
        articles/s          {s.ArticlesPerSecond:F0}
        first {s.ChunkSize} ms     {s.FirstChunkMs:F0}
        last {s.ChunkSize} ms      {s.LastChunkMs:F0}  ({s.LastChunkMs / s.FirstChunkMs:F2}x first)
        peak working set    {s.PeakWorkingSet / (1024.0 * 1024):F0} MB (process, with the generated corpus in memory)
        clusterer heap      {s.ClustererBytes / (1024.0 * 1024):F0} MB (what the clusterer and dedup index keep)
        stories             predicted {s.PredictedStories}  gold {s.GoldStories}
        B-cubed             P {s.Stories.Precision:F4}  R {s.Stories.Recall:F4}  F1 {s.Stories.F1:F4}
        near-duplicates     P {s.Duplicates.Precision:F4}  R {s.Duplicates.Recall:F4}
        off-topic in story  {s.OffTopicInStories}   on-topic without story {s.OnTopicWithoutStory}
        """));
    return 0;
}
