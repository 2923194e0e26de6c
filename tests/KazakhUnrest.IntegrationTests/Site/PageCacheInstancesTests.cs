using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Pipeline;
using KazakhUnrest.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// Readers' cached pages on every instance follow the changes: an editor's on any instance, the scraper's new
/// stories; an editor always sees fresh pages. The waits poll with a bound: 2 s is the product's promise for an
/// editor's change (a notice through PostgreSQL, so real time across processes); the elapsed time is reported.
/// </summary>
public sealed class PageCacheInstancesTests(CachedSiteFixture site, ITestOutputHelper output) : IClassFixture<CachedSiteFixture>
{
    private static readonly DateTimeOffset Jan6 = new(2022, 1, 6, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The product's promise: a reader's page on any instance shows an editor's change within this.</summary>
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After its connection was cut, an instance listens again after the first retry (1 s) and the time to connect: this
    /// bound leaves room for a loaded test machine without hiding a listener that never comes back.
    /// </summary>
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(15);

    private static long _nextStory = 1;

    private sealed record Story(long Id, long Article, string WireName, string DailyName);

    private async Task<Story> StoryAsync()
    {
        var id = Interlocked.Increment(ref _nextStory);
        await using var db = site.CreateContext();
        var wire = await TestData.OutletAsync(db, $"wire-{id}", $"Wire {id}");
        var daily = await TestData.OutletAsync(db, $"daily-{id}", $"Daily {id}");
        var first = await TestData.ArticleAsync(db, wire, $"Troops land in Almaty {id}", Jan6, "The first units arrived on Thursday.");
        var second = await TestData.ArticleAsync(db, daily, $"Alliance troops arrive {id}", Jan6.AddHours(2), "Paratroopers made up most of the force.");
        await TestData.StoryAsync(db, id, first, second);
        return new Story(id, second.Id, wire.Name, daily.Name);
    }

    [Fact]
    public async Task A_signed_in_editor_sees_a_fresh_page_while_readers_get_the_cached_one()
    {
        var story = await StoryAsync();
        var path = $"/stories/{story.Id}/comparison";
        using var reader = site.CreateClient();
        Assert.Contains(story.WireName, await reader.GetStringAsync(path));

        // A change no one announced (a direct write): the cache keeps what it showed for readers...
        await RenameOutletAsync(story.WireName, "Renamed Wire");
        Assert.Contains(story.WireName, await reader.GetStringAsync(path));

        // ...an editor signed in gets the page built afresh.
        using var editor = await site.SignedInClientAsync(await site.AccountAsync(Role.Editor));
        var fresh = await editor.GetStringAsync(path);
        Assert.Contains("Renamed Wire", fresh);
        Assert.DoesNotContain(story.WireName + "<", fresh);
    }

    [Fact]
    public async Task An_editors_change_on_one_instance_reaches_a_readers_cached_page_on_another_within_two_seconds()
    {
        var story = await StoryAsync();
        var path = $"/stories/{story.Id}/comparison";
        var (other, otherAddress) = site.StartInstance();
        await using (other)
        {
            using var readerOnB = new HttpClient { BaseAddress = otherAddress };
            Assert.Contains(story.DailyName, await readerOnB.GetStringAsync(path));
            // B serves it from memory: a direct write is not seen.
            await RenameOutletAsync(story.WireName, $"Renamed Wire {story.Id}");
            Assert.Contains(story.WireName, await readerOnB.GetStringAsync(path));

            using var editorOnA = site.CreateClient();
            editorOnA.UseBearer(await site.TokenAsync(Role.Editor));
            var request = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.NoContent,
                (await editorOnA.PostAsJsonAsync($"/api/articles/{story.Article}/relevance", new { onTopic = false })).StatusCode);
            // From the editor's answer: the change is committed (and announced) before it is sent.
            var clock = Stopwatch.StartNew();
            var page = await PollAsync(readerOnB, path, html => !html.Contains(story.DailyName, StringComparison.Ordinal), Promised);
            output.WriteLine($"an editor's change on instance A (answered in {request.ElapsedMilliseconds - clock.ElapsedMilliseconds} ms) " +
                $"was on instance B's cached page {clock.ElapsedMilliseconds} ms after the answer");
            Assert.Contains($"Renamed Wire {story.Id}", page);
        }
    }

    [Fact]
    public async Task A_listener_whose_connection_was_cut_listens_again()
    {
        var story = await StoryAsync();
        var path = $"/stories/{story.Id}/comparison";
        var (other, otherAddress) = site.StartInstance();
        await using (other)
        {
            await using (var db = site.CreateContext())
            {
                var cut = await db.Database.SqlQuery<bool>(
                    $"SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE application_name = {PageCacheListener.ApplicationName} AND datname = current_database()")
                    .ToListAsync();
                Assert.Equal(2, cut.Count(c => c));
            }

            var clock = Stopwatch.StartNew();
            await WaitAsync(async () =>
            {
                await using var db = site.CreateContext();
                return await db.Database.SqlQuery<int>(
                    $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE application_name = {PageCacheListener.ApplicationName} AND datname = current_database()")
                    .SingleAsync() == 2;
            }, Reconnect);
            output.WriteLine($"both listeners connected again {clock.ElapsedMilliseconds} ms after their connections were cut");

            using var readerOnB = new HttpClient { BaseAddress = otherAddress };
            Assert.Contains(story.DailyName, await readerOnB.GetStringAsync(path));
            using var editorOnA = site.CreateClient();
            editorOnA.UseBearer(await site.TokenAsync(Role.Editor));
            Assert.Equal(HttpStatusCode.NoContent,
                (await editorOnA.PostAsJsonAsync($"/api/articles/{story.Article}/relevance", new { onTopic = false })).StatusCode);
            await PollAsync(readerOnB, path, html => !html.Contains(story.DailyName, StringComparison.Ordinal), Promised);
        }
    }

    [Fact]
    public async Task The_scrapers_catch_up_makes_readers_see_new_articles_and_stories_on_every_instance()
    {
        var (other, otherAddress) = site.StartInstance();
        await using (other)
        {
            using var readerOnA = site.CreateClient();
            using var readerOnB = new HttpClient { BaseAddress = otherAddress };
            var title = $"Curfew extended in Almaty {Guid.NewGuid():N}";
            Assert.DoesNotContain(title, await readerOnA.GetStringAsync("/articles?topic=all"));
            Assert.DoesNotContain(title, await readerOnB.GetStringAsync("/articles?topic=all"));

            // Stored as the scraper's store step stores it: no notice, and cached pages keep what they showed.
            await using (var db = site.CreateContext())
            {
                var outlet = await TestData.OutletAsync(db, $"scraped-{Guid.NewGuid():N}", "Scraped Wire");
                await TestData.ArticleAsync(db, outlet, title, Jan6.AddDays(1),
                    "Protesters in Almaty defied the curfew as security forces moved into the city centre.");
            }

            Assert.DoesNotContain(title, await readerOnB.GetStringAsync("/articles?topic=all"));

            var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={site.ConnectionString}"]);
            builder.AddPipeline();
            using var scraper = builder.Build();
            var caughtUp = await scraper.Services.GetRequiredService<ArticlePipeline>().CatchUpAsync(CancellationToken.None);
            Assert.True(caughtUp.Filed >= 1);
            var clock = Stopwatch.StartNew();
            await PollAsync(readerOnA, "/articles?topic=all", html => html.Contains(title, StringComparison.Ordinal), Promised);
            await PollAsync(readerOnB, "/articles?topic=all", html => html.Contains(title, StringComparison.Ordinal), Promised);
            output.WriteLine($"the scraper's new article was on both instances' cached pages {clock.ElapsedMilliseconds} ms after its catch-up");
        }
    }

    private async Task RenameOutletAsync(string from, string to)
    {
        await using var db = site.CreateContext();
        await db.Outlets.Where(o => o.Name == from).ExecuteUpdateAsync(o => o.SetProperty(x => x.Name, to));
    }

    /// <summary>The page once it satisfies <paramref name="shows"/>; fails when it did not within <paramref name="bound"/>.</summary>
    private static async Task<string> PollAsync(HttpClient client, string path, Func<string, bool> shows, TimeSpan bound)
    {
        string? page = null;
        await WaitAsync(async () => shows(page = await client.GetStringAsync(path)), bound);
        return page!;
    }

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < bound, $"not done within {bound.TotalSeconds} s");
            await Task.Delay(20);
        }
    }
}
