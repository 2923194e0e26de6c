using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>Every entry point runs the whole pipeline: what one command brings in reaches stories and the timeline.</summary>
public sealed class PipelineTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Jan5 = new(2022, 1, 5, 9, 0, 0, TimeSpan.FromHours(6));

    [Fact]
    public async Task An_article_crawled_by_hand_appears_in_a_story_and_on_the_timeline()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext http) =>
            {
                var root = $"http://{http.Request.Host}";
                return Results.Text(TestPages.Rss(
                    ($"{root}/news/emergency", "Kazakhstan declares state of emergency in Almaty after fuel protests", Jan5),
                    ($"{root}/news/emergency-update", "State of emergency declared in Almaty as Kazakhstan fuel protests spread", Jan5.AddHours(2))),
                    "application/rss+xml");
            });
            app.MapGet("/news/emergency", () => Results.Text(TestPages.Article(
                "Kazakhstan declares state of emergency in Almaty after fuel protests", Jan5,
                "President Kassym-Jomart Tokayev declared a state of emergency in Almaty on Wednesday after protesters stormed the mayor's office.",
                "The protests began in Zhanaozen on Sunday over the doubling of liquefied gas prices and spread to Almaty and other cities.",
                "Police used tear gas and stun grenades against the crowds in Almaty, and the internet was cut across Kazakhstan."),
                "text/html; charset=utf-8"));
            app.MapGet("/news/emergency-update", () => Results.Text(TestPages.Article(
                "State of emergency declared in Almaty as Kazakhstan fuel protests spread", Jan5.AddHours(2),
                "Kazakhstan's President Kassym-Jomart Tokayev declared a state of emergency in Almaty on Wednesday as protesters stormed the mayor's office.",
                "The fuel protests, which began in Zhanaozen on Sunday over liquefied gas prices, spread to Almaty, where police used tear gas.",
                "The internet was cut across Kazakhstan as the government resigned."),
                "text/html; charset=utf-8"));
        });
        await using (var db = database.CreateContext())
        {
            db.Sources.Add(new Source { Name = "by-hand", Kind = SourceKind.Feed, Location = server.Url("feed.xml").AbsoluteUri, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var host = CrawlHost.Create(database.ConnectionString, server);
        Assert.Equal(0, await CrawlCommand.RunAsync(host.Services, "by-hand", CancellationToken.None));

        await using var check = database.CreateContext();
        var articles = await check.Articles.Where(a => a.CanonicalUrl.StartsWith(server.BaseAddress.AbsoluteUri)).ToListAsync();
        Assert.Equal(2, articles.Count);
        Assert.All(articles, a => Assert.True(a.OnTopic, $"{a.Title}: {string.Join("; ", a.RelevanceReasons)}"));
        var storyIds = articles.Select(a => a.StoryId).Distinct().ToList();
        var storyId = Assert.Single(storyIds);
        Assert.NotNull(storyId);
        Assert.True(await check.Stories.AnyAsync(s => s.Id == storyId));

        var ids = articles.Select(a => a.Id).ToList();
        Assert.All(articles, a => Assert.NotNull(a.EventsAt));
        var emergency = await check.TimelineEntries.AsNoTracking().Include(e => e.Sources)
            .SingleAsync(e => e.Kind == "state-of-emergency" && e.Date == new DateOnly(2022, 1, 5));
        Assert.Equal(ids.Order(), emergency.Sources.Select(s => s.ArticleId).Distinct().Order());
    }
}
