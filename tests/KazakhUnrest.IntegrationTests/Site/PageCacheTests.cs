using System.Net;
using System.Net.Http.Json;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>A site with its page cache on, as it runs in production.</summary>
public sealed class CachedSiteFixture : SiteFixture
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Site:PageCacheSeconds", "600");
}

public sealed class PageCacheTests(CachedSiteFixture site) : IClassFixture<CachedSiteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Jan6 = new(2022, 1, 6, 6, 0, 0, TimeSpan.Zero);
    private long _article;

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        var wire = await TestData.OutletAsync(db, "cache-wire", "Cache Wire");
        var daily = await TestData.OutletAsync(db, "cache-daily", "Cache Daily");
        var first = await TestData.ArticleAsync(db, wire, "Troops land in Almaty", Jan6, "The first units arrived on Thursday.");
        var second = await TestData.ArticleAsync(db, daily, "Alliance troops arrive", Jan6.AddHours(2), "Paratroopers made up most of the force.");
        await TestData.StoryAsync(db, 1, first, second);
        _article = second.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_page_is_served_from_memory_until_an_editor_changes_something()
    {
        using var client = site.CreateClient();
        var before = await client.GetStringAsync("/stories/1/comparison");
        Assert.Contains("Cache Daily", before);
        var api = await client.GetStringAsync("/api/stories/1/comparison");

        // The scraper writes from another process: the page keeps what it showed until it expires.
        await using (var db = site.CreateContext())
        {
            await db.Outlets.Where(o => o.Slug == "cache-daily").ExecuteUpdateAsync(o => o.SetProperty(x => x.Name, "Renamed Daily"));
        }

        Assert.Equal(before, await client.GetStringAsync("/stories/1/comparison"));
        Assert.Equal(api, await client.GetStringAsync("/api/stories/1/comparison"));
        var other = await client.GetStringAsync("/stories/1/comparison?x=1");
        Assert.Contains("Renamed Daily", other);

        // An editor's change here is seen at once.
        // (A separate client: a request with an Authorization header is never answered from the cache.)
        using var editor = site.CreateClient();
        editor.UseBearer(await site.TokenAsync(KazakhUnrest.Core.Data.Role.Editor));
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/articles/{_article}/relevance", new { onTopic = false })).StatusCode);
        var after = await client.GetStringAsync("/stories/1/comparison");
        Assert.DoesNotContain("Renamed Daily", after);
        Assert.DoesNotContain("Cache Daily", after);
    }
}

public sealed class SignedInPageCacheTests(CachedSiteFixture site) : IClassFixture<CachedSiteFixture>
{
    [Fact]
    public async Task A_signed_in_persons_page_is_neither_served_from_nor_stored_in_the_cache()
    {
        using var anonymous = site.CreateClient();
        Assert.Contains("Sign in", await anonymous.GetStringAsync("/stories"));

        var email = await site.AccountAsync(KazakhUnrest.Core.Data.Role.Editor);
        using var editor = await site.SignedInClientAsync(email);
        var own = await editor.GetStringAsync("/stories");
        Assert.Contains(email, own);
        Assert.Contains("Sign out", own);

        var again = await anonymous.GetStringAsync("/stories");
        Assert.DoesNotContain(email, again);
        Assert.DoesNotContain("__RequestVerificationToken", again);
    }
}
