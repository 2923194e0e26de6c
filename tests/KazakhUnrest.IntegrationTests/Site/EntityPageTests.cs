using System.Net;
using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

public sealed class EntityPageTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private long _speech, _putin;
    private string _entry = "";

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (!await db.Entities.AnyAsync())
        {
            await SeedAsync(db);
        }

        _speech = await db.Articles.Where(a => a.Title == "Tokayev addresses the nation").Select(a => a.Id).SingleAsync();
        _putin = await db.Articles.Where(a => a.Title == "Putin comments").Select(a => a.Id).SingleAsync();
        _entry = await db.TimelineEntries.Select(t => t.Key).SingleAsync();
    }

    private static async Task SeedAsync(KazakhDbContext db)
    {
        await TestData.EntityAsync(db, "kazakhstan", EntityKind.Country, "Kazakhstan", "KZ", "Казахстан", "Qazaqstan");
        await TestData.EntityAsync(db, "russia", EntityKind.Country, "Russia", "RU");
        await TestData.EntityAsync(db, "kassym-jomart-tokayev", EntityKind.Person, "Kassym-Jomart Tokayev", "KZ",
            "Tokayev", "Токаев", "Тоқаев", "the Kazakh president");
        await TestData.EntityAsync(db, "vladimir-putin", EntityKind.Person, "Vladimir Putin", "RU", "Путин");

        var wire = await TestData.OutletAsync(db, "steppe-wire", "Steppe Wire");
        var daily = await TestData.OutletAsync(db, "caspian-daily", "Caspian Daily", OutletKind.Independent);
        var at = new DateTimeOffset(2022, 1, 7, 8, 0, 0, TimeSpan.Zero);
        var speech = await TestData.ArticleAsync(db, wire, "Tokayev addresses the nation", at, "President Tokayev spoke on television.");
        var order = await TestData.ArticleAsync(db, wire, "Shoot without warning", at.AddHours(2), "Tokayev said troops may fire.");
        var daily1 = await TestData.ArticleAsync(db, daily, "President speaks", at.AddHours(3), "The Kazakh president spoke.");
        var putin = await TestData.ArticleAsync(db, daily, "Putin comments", at.AddHours(4), "Putin praised the alliance.");
        var offTopic = await TestData.ArticleAsync(db, daily, "Tokayev at the opera", at.AddHours(5), "Tokayev enjoyed the opera.");
        offTopic.OnTopic = false;
        await db.SaveChangesAsync();
        await TestData.MentionsAsync(db, speech, ("kassym-jomart-tokayev", 3), ("kazakhstan", 1));
        await TestData.MentionsAsync(db, order, ("kassym-jomart-tokayev", 2));
        await TestData.MentionsAsync(db, daily1, ("kassym-jomart-tokayev", 1));
        await TestData.MentionsAsync(db, putin, ("vladimir-putin", 2));
        await TestData.MentionsAsync(db, offTopic, ("kassym-jomart-tokayev", 4));
        await TestData.StoryAsync(db, 1, speech, order, daily1);
        await TestData.StoryAsync(db, 2, putin);
        await TestData.TimelineEntryAsync(db, "address", "Tokayev addresses the nation", ["kassym-jomart-tokayev"], [],
            (speech, new DateOnly(2022, 1, 7), "President Tokayev spoke on television."));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Actor_page_has_aliases_by_script_timeline_entries_stories_and_top_outlets()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/entities/kassym-jomart-tokayev");
        Assert.Contains("<h1>Kassym-Jomart Tokayev</h1>", html);
        Assert.Contains("country: Kazakhstan", html);
        Assert.Contains("<dt>Cyrillic</dt>", html);
        Assert.Contains("Токаев", html);
        Assert.Contains("Тоқаев", html);
        Assert.Contains("<dt>Latin</dt>", html);
        Assert.Contains("the Kazakh president", html);
        Assert.Contains($"href=\"/timeline/entries/{_entry}\"", html);
        Assert.Contains("href=\"/stories/1\"", html);
        Assert.DoesNotContain("href=\"/stories/2\"", html);
        Assert.Contains("named in 3 on-topic articles", html); // the opera piece is not coverage
        var wire = html.IndexOf(">Steppe Wire</a>", StringComparison.Ordinal);
        var daily = html.IndexOf(">Caspian Daily</a>", StringComparison.Ordinal);
        Assert.True(wire > 0 && daily > wire, "the outlet naming him most comes first");
        Assert.Contains("href=\"/timeline?actor=kassym-jomart-tokayev\"", html);
    }

    [Fact]
    public async Task Country_page_and_index_and_unknown_entity()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/entities/kazakhstan");
        Assert.Contains("ISO code KZ", html);
        Assert.Contains("Казахстан", html);
        Assert.Contains("href=\"/articles?country=KZ\"", html);

        var index = await client.GetStringAsync("/entities?kind=person");
        Assert.Contains("href=\"/entities/kassym-jomart-tokayev\"", index);
        Assert.Contains("href=\"/entities/vladimir-putin\"", index);
        Assert.DoesNotContain("href=\"/entities/kazakhstan\"", index);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/entities/nobody")).StatusCode);
    }

    [Fact]
    public async Task Article_and_story_pages_link_their_entities()
    {
        using var client = site.CreateClient();
        var article = await client.GetStringAsync($"/articles/{_speech}");
        Assert.Contains("<a class=\"entity-link\" href=\"/entities/kassym-jomart-tokayev\">Kassym-Jomart Tokayev</a>", article);
        Assert.Contains("href=\"/entities/kazakhstan\"", article);
        Assert.True(article.IndexOf("/entities/kassym-jomart-tokayev", StringComparison.Ordinal)
            < article.IndexOf("/entities/kazakhstan", StringComparison.Ordinal), "most mentioned first");

        var story = await client.GetStringAsync("/stories/1");
        Assert.Contains("href=\"/entities/kassym-jomart-tokayev\"", story);
        Assert.Contains("3 articles", story);
        Assert.DoesNotContain("/entities/vladimir-putin", story);
    }

    [Fact]
    public async Task Article_list_filters_by_actor_and_by_country()
    {
        using var client = site.CreateClient();
        var byActor = await client.GetStringAsync("/articles?actor=vladimir-putin");
        Assert.Contains($"href=\"/articles/{_putin}\"", byActor);
        Assert.DoesNotContain($"href=\"/articles/{_speech}\"", byActor);
        Assert.Contains("<label>Actor", byActor);
        Assert.Contains("<option value=\"vladimir-putin\" selected=\"selected\">", byActor);

        var byCountry = await client.GetStringAsync("/articles?country=kz");
        Assert.Contains($"href=\"/articles/{_speech}\"", byCountry);
        Assert.DoesNotContain($"href=\"/articles/{_putin}\"", byCountry);
        Assert.Contains("<option value=\"KZ\" selected=\"selected\">Kazakhstan</option>", byCountry);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/articles?country=KZ"));
        Assert.Equal(3, json.RootElement.GetProperty("total").GetInt32());
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/articles?country=KZ&topic=all"));
        Assert.Equal(4, all.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Story_list_filters_by_actor_and_by_country()
    {
        using var client = site.CreateClient();
        var byActor = await client.GetStringAsync("/stories?actor=vladimir-putin");
        Assert.Contains("href=\"/stories/2\"", byActor);
        Assert.DoesNotContain("href=\"/stories/1\"", byActor);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/stories?country=KZ"));
        Assert.Equal([1L], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        var none = await client.GetStringAsync("/stories?country=RU&actor=kassym-jomart-tokayev");
        Assert.Contains("match these filters", none);
    }
}
