using System.Net;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>The seeds imported into an empty database: quotes, framing and the pages that compare outlets.</summary>
public sealed class SeedComparisonTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    private async Task<(Dictionary<long, string> Segments, long CstoStory)> SeedsAsync()
    {
        await using var db = site.CreateContext();
        var segments = await SeedSegments.IdsAsync(db);
        var article = segments.Single(s => s.Value == "003b").Key;
        var story = await db.Articles.Where(a => a.Id == article).Select(a => a.StoryId).SingleAsync();
        return (segments, story!.Value);
    }

    [Fact]
    public async Task Terrorists_inside_Tokayevs_quotes_count_for_Tokayev_not_for_the_outlets()
    {
        var (segments, _) = await SeedsAsync();
        await using var db = site.CreateContext();
        var uses = await db.ArticleFramings.AsNoTracking().Where(f => f.Term == "terrorists").ToListAsync();
        foreach (var segment in new[] { "003b", "004" })
        {
            var here = uses.Where(u => segments[u.ArticleId] == segment).ToList();
            Assert.NotEmpty(here);
            Assert.All(here, u => Assert.Equal((FramingVoice.Speaker, "kassym-jomart-tokayev"), (u.Voice, u.SpeakerId)));
        }
        Assert.DoesNotContain(uses, u => u.Voice == FramingVoice.Outlet && segments[u.ArticleId] is "001" or "003b" or "004");
    }

    [Fact]
    public async Task The_csto_story_page_says_who_is_quoted_by_which_outlet()
    {
        var (_, story) = await SeedsAsync();
        using var client = site.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/stories/{story}"));
        var quoted = html[html.IndexOf("Who is quoted, by which outlet", StringComparison.Ordinal)..];
        foreach (var expected in new[] { "Kassym-Jomart Tokayev", "a band of terrorists", "Galym Ageleulov", "The police have disappeared from the city" })
            Assert.True(quoted.Contains(expected, StringComparison.Ordinal), $"“{expected}” missing from: {quoted}");
    }
}
