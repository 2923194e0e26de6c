using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// The front page on the seeds: the most covered stories as the story list orders them, the most reported timeline entries
/// with readable kinds and working links, the disagreeing figures linked to their sentences, the search box and the feed;
/// one notice, and only then, when the collection holds sample writing.
/// </summary>
public sealed partial class FrontPageTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Fact]
    public async Task It_shows_the_most_covered_stories_the_most_reported_events_and_where_to_go()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/");

        using var stories = JsonDocument.Parse(await client.GetStringAsync("/api/stories?sort=most&pageSize=6"));
        var expected = stories.RootElement.GetProperty("items").EnumerateArray().Select(s => $"/stories/{s.GetProperty("id").GetInt64()}").ToList();
        Assert.NotEmpty(expected);
        var section = Section(html, "home-stories");
        Assert.Equal(expected, StoryLink().Matches(section).Select(m => m.Groups["href"].Value));

        var events = Section(html, "home-events");
        var entries = EntryLink().Matches(events).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value)).ToList();
        Assert.NotEmpty(entries);
        // What a reader sees, not the addresses: no machine kind ("other:hundr", "government-resigns").
        var shown = Regex.Replace(events, "<[^>]+>", " ");
        Assert.DoesNotContain("other:", shown, StringComparison.Ordinal);
        Assert.DoesNotMatch("[a-z]+-[a-z]+(-[a-z]+)*, \\d+ source", shown);
        foreach (var entry in entries.Take(3))
        {
            using var page = await client.GetAsync(entry);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var figures = JsonDocument.Parse(await client.GetStringAsync("/api/figures"));
        var disagreeing = figures.RootElement.EnumerateArray()
            .Count(r => r.GetProperty("disagreesWith").GetArrayLength() > 0 && !r.GetProperty("background").GetBoolean());
        Assert.Equal(Math.Min(6, disagreeing), SentenceLink().Matches(Section(html, "home-figures")).Count);

        Assert.Contains("action=\"/search\"", html);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", html);
        Assert.Matches("<meta name=\"description\" content=\"[^\"]{40,}\"", html);
        Assert.DoesNotContain("Sample data.", html);
    }

    [Fact]
    public async Task Sample_writing_in_the_collection_gets_one_plain_notice_saying_how_to_import()
    {
        await using var db = site.CreateContext();
        var article = await db.Articles.Where(a => a.OnTopic).OrderBy(a => a.Id).FirstAsync();
        article.IsSample = true;
        await db.SaveChangesAsync();
        try
        {
            using var client = site.CreateClient();
            var html = await client.GetStringAsync("/");
            Assert.Single(Regex.Matches(html, "class=\"notice\""));
            Assert.Contains("Sample data.", html);
            Assert.Contains("1 of the", html);
            Assert.Contains("import FOLDER", html);
            Assert.Contains("config/sources.json", html);
        }
        finally
        {
            article.IsSample = false;
            await db.SaveChangesAsync();
        }
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"aria-labelledby=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("<a href=\"(?<href>/stories/\\d+)\">")]
    private static partial Regex StoryLink();

    [GeneratedRegex("<a href=\"(?<href>/timeline/entries/[^\"]+)\">")]
    private static partial Regex EntryLink();

    [GeneratedRegex("<a href=\"/articles/\\d+[^\"]*\">the sentence</a>")]
    private static partial Regex SentenceLink();
}
