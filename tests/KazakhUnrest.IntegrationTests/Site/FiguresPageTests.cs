using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class FiguresPageTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Jan9 = new(2022, 1, 9, 8, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (await db.ArticleFigures.AnyAsync())
        {
            return;
        }

        var daily = await TestData.OutletAsync(db, "caspian-daily", "Caspian Daily", OutletKind.Independent);
        var article = await TestData.ArticleAsync(db, daily, "Death toll rises", Jan9, "At least 164 people were killed, according to the health ministry.");
        var offTopic = await TestData.ArticleAsync(db, daily, "Club news", Jan9, "=cmd| 3 goals were scored.");
        offTopic.OnTopic = false;
        db.ArticleFigures.AddRange(
            new ArticleFigure
            {
                ArticleId = article.Id, Measure = "killed", Low = 164, High = 164, Qualifier = "at least", Unit = "people",
                AttributedTo = "according to the health ministry, \"Kazakhstan\"", SentenceStart = 0, SentenceLength = 66, Sentence = article.Text,
            },
            new ArticleFigure { ArticleId = offTopic.Id, Measure = "killed", Low = 3, High = 3, Unit = "people", Sentence = offTopic.Text });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_tracker_lists_on_topic_figures_with_attribution_as_page_json_and_csv()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/figures");
        Assert.Contains("at least 164", html);
        Assert.Contains("Caspian Daily", html);
        Assert.DoesNotContain("Club news", html);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/figures?measure=killed"));
        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(164, row.GetProperty("low").GetDecimal());
        Assert.Equal("at least 164", row.GetProperty("value").GetString());

        using var csv = await client.GetAsync("/figures.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("measure,value,low,high", text.TrimStart('\uFEFF'));
        // A field with a comma and quotes is quoted and its quotes doubled.
        Assert.Contains("\"according to the health ministry, \"\"Kazakhstan\"\"\"", text);
    }
}
