using KazakhUnrest.DevTools.Scoring;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using Xunit.Abstractions;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>
/// Real pages by real outlets (`corpus/real-dev`) imported into an empty database and scored as `bench real-dev` prints it.
/// The floors hold what the pipeline reaches today, so a change that helps generated text but loses real reports fails
/// here; where today is short of the product's target (stories F1 0.85, copy recall 0.95, off-topic recall 0.9), the
/// floor is today's level and rises as the work lands.
/// </summary>
public sealed class RealDevTests(ScraperFixture scraper, ITestOutputHelper output) : IClassFixture<ScraperFixture>
{
    private static string Folder => Path.Combine(ScraperFixture.SharedCorpus, "real-dev");

    [Fact]
    public async Task Real_pages_meet_the_accuracy_floors()
    {
        Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Path.Combine(Folder, "pages")], null, false, false, CancellationToken.None));
        await using var db = scraper.CreateContext();
        var r = await RealDevScoring.ScoreAsync(db, Folder);
        output.WriteLine($"stories F1 {r.Stories.F1:F3}, copies P {r.Copies.Precision:F3} R {r.Copies.Recall:F3}, off-topic P {r.OffTopic.Precision:F3} R {r.OffTopic.Recall:F3}, days {r.LabelledDaysRight}/{r.LabelledDays}");
        output.WriteLine(string.Join("\n", r.Lines));

        Assert.Equal(r.Pages, r.Imported);
        Assert.True(r.Stories.F1 >= 0.58, $"story B-cubed F1 {r.Stories.F1:F3}");
        Assert.True(r.Copies.Precision >= 0.9 && r.Copies.Recall >= 0.75, $"copy pairs P {r.Copies.Precision:F3} R {r.Copies.Recall:F3}");
        Assert.True(r.OffTopic.Precision >= 0.9 && r.OffTopic.Recall >= 0.85, $"off-topic P {r.OffTopic.Precision:F3} R {r.OffTopic.Recall:F3}");
        Assert.Equal(r.PrintedDays, r.PrintedDaysRight);
        Assert.True(r.LabelledDaysRight >= 0.9 * r.LabelledDays, $"publication days {r.LabelledDaysRight}/{r.LabelledDays}");
        Assert.All(r.Milestones, m => Assert.True(RealDevScoring.OnItsDay(m), $"{m.Name}: shown {m.Shown}, expected {m.Expected}"));
    }
}
