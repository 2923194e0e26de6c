using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Articles;
using KazakhUnrest.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// The seeds imported into an empty database: the story list and the timeline take the query of /search and keep
/// what it matches; the article page marks what the query matched.
/// </summary>
public sealed partial class SearchInListsTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    /// <summary>Every on-topic article /api/search matches (copies included: the fixture's seeds fold none away unseen).</summary>
    private async Task<HashSet<long>> SearchedAsync(HttpClient client, string q)
    {
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(q)}");
        var results = found.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(1, found.GetProperty("pageCount").GetInt32());
        var ids = results.Select(r => r.GetProperty("id").GetInt64()).ToHashSet();
        await using var db = site.CreateContext();
        var copies = await db.Articles.Where(a => a.DuplicateOfId != null && ids.Contains(a.DuplicateOfId.Value) && a.OnTopic)
            .Select(a => a.Id).ToListAsync();
        if (results.Sum(r => r.GetProperty("copies").GetInt32()) > 0)
        {
            ids.UnionWith(copies);
        }

        Assert.Equal(found.GetProperty("total").GetInt32(), ids.Count);
        return ids;
    }

    [Fact]
    public async Task Stories_narrowed_by_Tokayev_are_exactly_the_stories_of_the_articles_search_finds()
    {
        using var client = site.CreateClient();
        var matching = await SearchedAsync(client, "Tokayev");
        await using var db = site.CreateContext();
        var segments = await SeedSegments.IdsAsync(db);
        Assert.Superset(new HashSet<string> { "003a", "003b", "004" }, matching.Select(id => segments[id]).ToHashSet());
        var storyOf = await db.Articles.Where(a => a.StoryId != null).ToDictionaryAsync(a => a.Id, a => a.StoryId!.Value);
        var expected = matching.Where(storyOf.ContainsKey).GroupBy(id => storyOf[id]).ToDictionary(g => g.Key, g => g.Count());
        var all = await client.GetFromJsonAsync<JsonElement>("/api/stories");
        Assert.True(all.GetProperty("total").GetInt32() > expected.Count, "the seeds must hold a story without Tokayev for the filter to show");

        var narrowed = await client.GetFromJsonAsync<JsonElement>("/api/stories?q=Tokayev");
        var items = narrowed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Count, narrowed.GetProperty("total").GetInt32());
        Assert.Equal(expected, items.ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("matching").GetInt32()));
        Assert.Equal("Tokayev", narrowed.GetProperty("query").GetString());

        // The same search in Cyrillic narrows the same way, the names matching through the entity tables.
        var cyrillic = await client.GetFromJsonAsync<JsonElement>($"/api/stories?q={Uri.EscapeDataString("Токаев")}");
        Assert.Equal(expected.Keys.Order(), cyrillic.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order());

        // The page lists the same stories, says how many articles match, and its links keep the query.
        var html = await client.GetStringAsync("/stories?q=Tokayev&sort=most");
        var shown = StoryLink().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(expected.Keys.ToHashSet(), shown);
        Assert.Contains("name=\"q\" value=\"Tokayev\"", html);
        Assert.Contains("of them match", html);
        Assert.Contains("href=\"/search?q=Tokayev&amp;view=stories\"", html);
    }

    [Fact]
    public async Task The_timeline_narrowed_by_CSTO_keeps_exactly_the_entries_with_a_matching_source()
    {
        using var client = site.CreateClient();
        var matching = await SearchedAsync(client, "CSTO");
        await using var db = site.CreateContext();
        var segments = await SeedSegments.IdsAsync(db);
        Assert.Superset(new HashSet<string> { "003b", "004" }, matching.Select(id => segments[id]).ToHashSet());

        var sources = (await db.ArticleEvents.Where(e => e.TimelineEntryId != null && e.Article.OnTopic)
                .Select(e => new { Entry = e.TimelineEntryId!.Value, e.ArticleId }).ToListAsync())
            .ToLookup(e => e.Entry, e => e.ArticleId);
        var whole = Entries(await client.GetFromJsonAsync<JsonElement>("/api/timeline"));
        var expected = whole.Where(id => sources[id].Any(matching.Contains)).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.True(whole.Count > expected.Count, "the seeds must hold an entry without the CSTO for the filter to show");

        var narrowed = await client.GetFromJsonAsync<JsonElement>("/api/timeline?q=CSTO");
        Assert.Equal(expected, Entries(narrowed));
        Assert.Equal("CSTO", narrowed.GetProperty("filters").GetProperty("q").GetString());
        Assert.False(narrowed.GetProperty("filters").TryGetProperty("matching", out _));
        Assert.Equal(expected, Entries(await client.GetFromJsonAsync<JsonElement>($"/api/timeline?q={Uri.EscapeDataString("ОДКБ")}")));

        // The page shows the same entries, the query in its box and in the links that keep the filters.
        var html = await client.GetStringAsync("/timeline?q=CSTO");
        Assert.Equal(expected, EntryId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet());
        Assert.Contains("name=\"q\" value=\"CSTO\"", html);
        Assert.Contains("href=\"/api/timeline?q=CSTO\"", html);
        Assert.Contains("your search matches", html);

        // The chart counts the matching articles only.
        var chartCount = ChartTotal().Match(html);
        Assert.True(chartCount.Success);
        Assert.Equal(matching.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), chartCount.Groups[1].Value);
    }

    private static HashSet<long> Entries(JsonElement timeline) =>
        timeline.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("entries").EnumerateArray())
            .Select(e => e.GetProperty("id").GetInt64()).ToHashSet();

    [Theory]
    [InlineData("from:yesterday")]
    [InlineData("the")]
    [InlineData("outlet:no-such-outlet Tokayev")]
    public async Task A_query_that_cannot_run_answers_with_its_reason(string q)
    {
        using var client = site.CreateClient();
        var escaped = Uri.EscapeDataString(q);
        foreach (var path in new[] { "/stories", "/timeline" })
        {
            var page = await client.GetAsync($"{path}?q={escaped}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("class=\"notice error\" role=\"alert\"", html);
            Assert.DoesNotContain("class=\"entry\"", html);
            Assert.DoesNotContain("class=\"story-link\"", html);
        }

        foreach (var path in new[] { "/api/stories", "/api/timeline", "/api/timeline/timelinejs" })
        {
            var api = await client.GetAsync($"{path}?q={escaped}");
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Invalid parameter: q", problem.GetProperty("title").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task A_long_query_and_tsquery_metacharacters_answer_200_or_400_never_500()
    {
        using var client = site.CreateClient();
        foreach (var q in new[] { new string('x', 2000), "&|!:*()<> Tokayev", "\"unbalanced Tokayev", "'; DROP TABLE articles; --" })
        {
            var escaped = Uri.EscapeDataString(q);
            foreach (var path in new[] { "/stories", "/timeline" })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}?q={escaped}")).StatusCode);
            }

            foreach (var path in new[] { "/api/stories", "/api/timeline" })
            {
                Assert.Contains((await client.GetAsync($"{path}?q={escaped}")).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
            }
        }
    }

    [Fact]
    public async Task An_English_report_opened_from_a_Cyrillic_search_marks_its_Tokayev_mention()
    {
        await using var db = site.CreateContext();
        var segments = await SeedSegments.IdsAsync(db);
        var id = segments.Single(s => s.Value == "004").Key;
        var article = await db.Articles.SingleAsync(a => a.Id == id);
        var mention = await db.ArticleEntities.SingleAsync(x => x.ArticleId == id && x.EntityId == "kassym-jomart-tokayev");
        var named = article.Text.Substring(mention.FirstStart, mention.FirstLength);
        Assert.Contains("Tokayev", named);
        Assert.DoesNotContain("Токаев", article.Text);

        using var client = site.CreateClient();
        var html = await client.GetStringAsync($"/articles/{id}?q={Uri.EscapeDataString("Токаев")}");
        Assert.Equal([named], Marks(html));
        Assert.Contains("Marked: the words of your search", html);
        Assert.Contains($"href=\"/search?q={Uri.EscapeDataString("Токаев")}\"", html);

        // Without a query nothing is marked; with the Latin name every "Tokayev" of the text is.
        Assert.Empty(Marks(await client.GetStringAsync($"/articles/{id}")));
        var latin = Marks(await client.GetStringAsync($"/articles/{id}?q=Tokayev"));
        var times = Regex.Count(article.Text + " " + article.Title, "Tokayev");
        Assert.True(latin.Count >= Math.Min(2, times), $"{latin.Count} marks for {times} mentions");
        Assert.All(latin, m => Assert.Contains("Tokayev", m));
    }

    [Fact]
    public async Task Words_of_a_search_are_marked_in_the_title_and_the_body_as_the_text_writes_them()
    {
        await using var db = site.CreateContext();
        var article = await db.Articles.Where(a => a.Text.Contains("CSTO")).OrderBy(a => a.Id).FirstAsync();
        var id = article.Id;
        using var client = site.CreateClient();
        var html = await client.GetStringAsync($"/articles/{id}?q=CSTO");
        var marks = Marks(html);
        Assert.Contains("CSTO", marks);
        Assert.All(marks, m => Assert.True(article.Text.Contains(m, StringComparison.Ordinal) || article.Title.Contains(m, StringComparison.Ordinal), m));

        // A stemmed word is marked whole, as written: "protest" marks "protests".
        Assert.Contains("protests", article.Text, StringComparison.Ordinal);
        var stemmed = Marks(await client.GetStringAsync($"/articles/{id}?q=protest"));
        Assert.Contains("protests", stemmed);
        Assert.All(stemmed, m => Assert.StartsWith("protest", m, StringComparison.OrdinalIgnoreCase));
        var h1 = H1().Match(html).Groups[1].Value;
        Assert.Equal(article.Title.Contains("CSTO", StringComparison.Ordinal), h1.Contains("<mark class=\"match\">CSTO</mark>", StringComparison.Ordinal));

        // A query the article does not match says so and marks nothing.
        var none = await client.GetStringAsync($"/articles/{id}?q=zzyzx");
        Assert.Empty(Marks(none));
        Assert.Contains("is marked here", none);
    }

    [Fact]
    public async Task A_hostile_query_is_never_echoed_as_markup()
    {
        const string hostile = "<script>alert(1)</script> \"><mark>x</mark> Tokayev";
        await using var db = site.CreateContext();
        var segments = await SeedSegments.IdsAsync(db);
        var id = segments.Single(s => s.Value == "004").Key;
        using var client = site.CreateClient();
        foreach (var path in new[] { "/stories", "/timeline", $"/articles/{id}" })
        {
            var response = await client.GetAsync($"{path}?q={Uri.EscapeDataString(hostile)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<mark>x</mark>", html);
            Assert.Contains("&lt;script&gt;", html);
        }

        var stories = await client.GetAsync($"/api/stories?q={Uri.EscapeDataString(hostile)}");
        Assert.Equal("application/json", stories.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The texts the page marks as matching the search.</summary>
    private static List<string> Marks(string html) =>
        [.. MatchMark().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<mark class=\"match\">([^<]*)</mark>")]
    private static partial Regex MatchMark();

    [GeneratedRegex("<h1>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("class=\"story-link\" href=\"/stories/(\\d+)\"")]
    private static partial Regex StoryLink();

    [GeneratedRegex("<article class=\"entry\" id=\"entry-(\\d+)\"")]
    private static partial Regex EntryId();

    [GeneratedRegex("aria-label=\"Bar chart of (\\d+) on-topic articles")]
    private static partial Regex ChartTotal();
}

/// <summary>Marks mapped back to the original text and placed among the cited sentences, without a database.</summary>
public sealed class SearchMarksTests
{
    private const char Start = '\u0001', Stop = '\u0002';

    [Fact]
    public void A_mark_on_folded_Kazakh_letters_covers_the_originals_letters()
    {
        const string original = "Тоқаев сказал, Тоқаев ответил";
        var marks = Highlights.Marks(original, $"{Start}Токаев{Stop} сказал, {Start}Токаев{Stop} ответил", Start, Stop);
        Assert.Equal([new Highlights.Mark(0, 6), new Highlights.Mark(15, 6)], marks);
        Assert.All(marks, m => Assert.Equal("Тоқаев", original.Substring(m.Start, m.Length)));
    }

    [Fact]
    public void A_character_the_headline_left_out_does_not_shift_the_marks_after_it()
    {
        const string original = "<b>Mr</b> Tokayev spoke";
        var marks = Highlights.Marks(original, $"Mr {Start}Tokayev{Stop} spoke", Start, Stop);
        Assert.Equal("Tokayev", original.Substring(marks.Single().Start, marks.Single().Length));
        Assert.Empty(Highlights.Marks("abc", $"{Start}xyz{Stop}", Start, Stop));
    }

    [Fact]
    public void Overlapping_and_touching_marks_are_joined()
    {
        Assert.Equal([new Highlights.Mark(0, 10), new Highlights.Mark(12, 2)],
            Highlights.Merge([new(5, 5), new(0, 6), new(12, 2), new(10, 0)]));
    }

    [Fact]
    public void Matches_inside_a_cited_sentence_are_runs_of_that_sentence_which_keeps_its_anchor()
    {
        const string text = "Protests spread. President Tokayev asked the CSTO for help. Troops landed.";
        var sentence = new CitedSentences.Span(17, 42);
        var result = CitedSentences.Split(text, [new BodyBlock { Kind = BodyBlockKind.Paragraph, Text = text }], [sentence], sentence,
            [new(0, 8), new(27, 7), new(45, 4)]);
        var pieces = result.Blocks.Single();
        Assert.Equal(["Protests spread. ", "President Tokayev asked the CSTO for help.", " Troops landed."], pieces.Select(p => p.Text));
        var cited = pieces[1];
        Assert.Equal(("s17", true), (cited.Id, cited.Marked));
        Assert.Equal([("President ", false), ("Tokayev", true), (" asked the ", false), ("CSTO", true), (" for help.", false)],
            cited.Runs.Select(r => (r.Text, r.Match)));
        Assert.Equal([("Protests", true), (" spread. ", false)], pieces[0].Runs.Select(r => (r.Text, r.Match)));
        Assert.Equal([(" Troops landed.", false)], pieces[2].Runs.Select(r => (r.Text, r.Match)));
    }
}
