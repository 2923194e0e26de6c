using System.CommandLine;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.Scraper.Cli;

/// <summary>Editors' corrections from the command line: merge and split stories, overrule relevance.</summary>
public static class StoriesCommand
{
    public static Command Create()
    {
        var from = new Argument<long>("FROM") { Description = "Story to merge away." };
        var into = new Argument<long>("INTO") { Description = "Story to keep." };
        var note = new Option<string?>("--note") { Description = "Why, for the record." };
        var merge = new Command("merge", "Merge story FROM into story INTO; kept when clustering runs again.") { from, into, note };
        merge.SetAction((parse, ct) => EditAsync(db => StoryEditing.MergeAsync(db, parse.GetValue(from), parse.GetValue(into), By(parse.GetValue(note)), ct)));

        var story = new Argument<long>("STORY") { Description = "Story to take articles from." };
        var articles = new Argument<long[]>("ARTICLE") { Description = "Articles to move into a new story.", Arity = ArgumentArity.OneOrMore };
        var split = new Command("split", "Move articles of a story into a new story of their own; kept when clustering runs again.") { story, articles, note };
        split.SetAction((parse, ct) => EditAsync(async db =>
        {
            var id = await StoryEditing.SplitAsync(db, parse.GetValue(story), parse.GetValue(articles)!, By(parse.GetValue(note)), ct);
            Console.WriteLine($"new story {id}");
        }));

        var run = new Command("run", "Take every article not handled yet through the rest of the pipeline (relevance, near-duplicates, stories, then entities to timeline).");
        run.SetAction((_, ct) => PipelineAsync(pipeline => pipeline.CatchUpAsync(ct)));
        var recluster = new Command("recluster", "Forget the machine's clustering and file every article again in publication order; editors' merges and splits are replayed (same as reprocess --from story).");
        recluster.SetAction((_, ct) => PipelineAsync(pipeline => pipeline.RerunFromAsync(PipelineStep.Story, ct)));

        return new Command("stories", "Relevance, near-duplicates and stories: run the step, or correct its clustering.") { run, recluster, merge, split };
    }

    public static Command CreateRelevance()
    {
        var article = new Argument<long>("ARTICLE") { Description = "Article id." };
        var decision = new Argument<string>("DECISION") { Description = "on (coverage), off (off-topic) or auto (back to the score)." };
        decision.AcceptOnlyFromAmong("on", "off", "auto");
        var command = new Command("relevance", "Overrule the relevance score of an article; the decision survives re-processing.") { article, decision };
        command.SetAction((parse, ct) => EditAsync(db => StoryEditing.SetRelevanceAsync(db, parse.GetValue(article),
            parse.GetValue(decision) switch { "on" => true, "off" => false, _ => null }, By(null), ct)));
        return command;
    }

    /// <summary>The command line has no account: the audit log names the system user who ran it.</summary>
    private static Correction By(string? note) => new($"cli:{Environment.UserName}", $"cli:{Environment.UserName}", note);

    internal static async Task<int> PipelineAsync(Func<ArticlePipeline, Task<CatchUpResult>> run)
    {
        var builder = ScraperHost.CreateBuilder();
        builder.AddPipeline();
        using var host = builder.Build();
        var result = await run(host.Services.GetRequiredService<ArticlePipeline>());
        Console.Error.WriteLine($"pipeline: {result.Summary}.");
        return 0;
    }

    private static async Task<int> EditAsync(Func<KazakhDbContext, Task> edit)
    {
        using var host = ScraperHost.CreateBuilder().Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            await edit(scope.ServiceProvider.GetRequiredService<KazakhDbContext>());
            return 0;
        }
        catch (StoryEditException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
