using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Search;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// Search over the five seeds imported into an empty database, through <c>/api/search</c> and <c>/search</c>, checked
/// against the hand annotation (<c>seeds.gold.json</c>, read at run time) and against the stored texts.
/// </summary>
public sealed partial class SearchTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    private const string Tokayev = "Kassym-Jomart Tokayev";

    /// <summary>The gold segments an entity of the annotation ("people", "organisations", "places") is found in.</summary>
    private static HashSet<string> GoldSegmentsOf(string group, string name)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScraperFixture.SharedCorpus, "seeds.gold.json")));
        var entity = gold.RootElement.GetProperty("entities").GetProperty(group).EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == name);
        return [.. entity.GetProperty("in").EnumerateArray().Select(s => s.GetString()!)];
    }

    private static HashSet<string> OffTopicSegments() => [.. SeedSegments.Gold("off_topic").Select(s => s.GetString()!)];

    private async Task<Dictionary<long, string>> SegmentsAsync()
    {
        await using var db = site.CreateContext();
        return await SeedSegments.IdsAsync(db);
    }

    private static string Address(string path, string q, string? topic) =>
        $"{path}?q={Uri.EscapeDataString(q)}" + (topic is null ? "" : $"&topic={topic}");

    [Theory]
    [InlineData("/api/search", "topic=bogus")]
    [InlineData("/api/search", "sort=newest")]
    [InlineData("/search", "view=grid")]
    [InlineData("/search/feed", "topic=maybe")]
    public async Task An_unknown_option_is_refused_with_its_name_not_silently_replaced(string path, string option)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync($"{path}?q=Tokayev&{option}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(option[..option.IndexOf('=')], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A search through the JSON API that must run: 200 and no error.</summary>
    private async Task<JsonElement> FoundAsync(string q, string? topic = null)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(Address("/api/search", q, topic));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {body}");
        var found = JsonDocument.Parse(body).RootElement.Clone();
        Assert.True(found.GetProperty("error").ValueKind == JsonValueKind.Null, $"{q}: {body}");

        // A result that the words of a query with words did not match was found through a name, and says which.
        if (SearchQuery.Parse(q).Clauses.Any(c => !c.Excluded))
        {
            Assert.All(Results(found).Where(r => !r.GetProperty("textMatch").GetBoolean()),
                r => Assert.NotEmpty(r.GetProperty("mentions").EnumerateArray()));
        }

        return found;
    }

    private static IEnumerable<JsonElement> Results(JsonElement found) => found.GetProperty("results").EnumerateArray();

    /// <summary>Gold ids of the listed results; the seeds have no wire copies, so every matching article is a row.</summary>
    private async Task<List<string>> ResultSegmentsAsync(JsonElement found)
    {
        var segments = await SegmentsAsync();
        var ids = Results(found).Select(r => segments[r.GetProperty("id").GetInt64()]).ToList();
        Assert.Equal(found.GetProperty("total").GetInt32(), ids.Count);
        return ids;
    }

    private async Task<string> PageAsync(string q, string? topic = null)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(Address("/search", q, topic));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode}");
        return body;
    }

    [GeneratedRegex("""href="/articles/(\d+)\?q=""")]
    private static partial Regex ResultLink();

    [Theory]
    [InlineData("Tokayev")]
    [InlineData("Токаев")]
    [InlineData("Тоқаев")]
    public async Task Tokayev_in_any_script_finds_every_segment_the_gold_lists_for_him(string q)
    {
        var expected = GoldSegmentsOf("people", Tokayev);
        var found = await FoundAsync(q);

        Assert.Equal(expected.Order(), (await ResultSegmentsAsync(found)).Order());
        Assert.Contains(Tokayev, found.GetProperty("namedEntities").EnumerateArray().Select(e => e.GetString()));
        Assert.All(Results(found), r => Assert.Contains(Tokayev, r.GetProperty("mentions").EnumerateArray().Select(m => m.GetString())));

        // The page lists the same articles and says how each matched.
        var page = await PageAsync(q);
        var segments = await SegmentsAsync();
        Assert.Equal(expected.Order(), ResultLink().Matches(page).Select(m => segments[long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]).Order());
        Assert.Contains($"Matched: mentions {Tokayev}", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_in_cyrillic_matches_english_reports_only_through_the_name_and_says_so()
    {
        var found = await FoundAsync("Токаев");

        Assert.NotEmpty(Results(found));
        Assert.All(Results(found), r =>
        {
            Assert.False(r.GetProperty("textMatch").GetBoolean());
            Assert.Equal([Tokayev], r.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
            // The snippet shows where the article names him, marked.
            Assert.Contains(r.GetProperty("snippets").EnumerateArray().SelectMany(s => s.EnumerateArray()), span => span.GetProperty("match").GetBoolean());
        });
    }

    [Theory]
    [InlineData("CSTO")]
    [InlineData("ОДКБ")]
    [InlineData("\"Russian-led military alliance\"")]
    [InlineData("“Russian-led military alliance”")]
    public async Task The_csto_by_any_of_its_names_finds_003b_and_004(string q)
    {
        var found = await ResultSegmentsAsync(await FoundAsync(q));

        Assert.Contains("003b", found);
        Assert.Contains("004", found);
        Assert.Subset(GoldSegmentsOf("organisations", "Collective Security Treaty Organization"), found.ToHashSet());
    }

    /// <summary>Lower case, letters and digits only, one space between words: how a phrase reads whatever the punctuation.</summary>
    private static string Words(string text) =>
        string.Join(' ', Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{Nd}]+").Where(w => w.Length > 0));

    [Theory]
    [InlineData("external forces")]
    [InlineData("peacekeeping forces")]
    [InlineData("City Hall")]
    public async Task A_phrase_finds_exactly_the_segments_whose_stored_text_holds_it(string phrase)
    {
        await using var db = site.CreateContext();
        var stored = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.Title, a.Text }).ToListAsync();
        var holding = stored.Where(a => $" {Words(a.Title + " \n " + a.Text)} ".Contains($" {Words(phrase)} ", StringComparison.Ordinal))
            .Select(a => a.Id).ToHashSet();
        Assert.NotEmpty(holding);

        var found = await FoundAsync($"\"{phrase}\"", topic: "all");

        Assert.Equal(holding.Order(), Results(found).Select(r => r.GetProperty("id").GetInt64()).Order());
        Assert.All(Results(found), r => Assert.True(r.GetProperty("textMatch").GetBoolean()));
    }

    [Fact]
    public async Task The_words_of_a_phrase_apart_find_more_than_the_phrase()
    {
        var apart = await FoundAsync("forces external", topic: "all");
        var phrase = await FoundAsync("\"forces external\"", topic: "all");

        Assert.True(apart.GetProperty("total").GetInt32() > phrase.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("-\"Xi Jinping\"")]
    [InlineData("-“Xi Jinping”")]
    [InlineData("Kazakhstan -\"Xi Jinping\"")]
    public async Task Excluding_xi_jinping_leaves_out_every_segment_that_mentions_him(string q)
    {
        var xi = GoldSegmentsOf("people", "Xi Jinping");
        var all = (await SegmentsAsync()).Values.ToHashSet();

        var found = await ResultSegmentsAsync(await FoundAsync(q, topic: "all"));

        Assert.Empty(found.Intersect(xi));
        Assert.Equal(all.Except(xi).Order(), found.Order());
    }

    [Fact]
    public async Task Excluding_xi_jinping_from_the_tokayev_results_leaves_the_others()
    {
        var expected = GoldSegmentsOf("people", Tokayev).Except(GoldSegmentsOf("people", "Xi Jinping"));

        var found = await ResultSegmentsAsync(await FoundAsync("Tokayev -\"Xi Jinping\""));

        Assert.Equal(expected.Order(), found.Order());
    }

    [Fact]
    public async Task The_off_topic_segment_shows_only_when_off_topic_results_are_asked_for()
    {
        var offTopic = OffTopicSegments();
        Assert.NotEmpty(offTopic);
        await using var db = site.CreateContext();
        var segments = await SeedSegments.IdsAsync(db);
        var offTopicIds = segments.Where(s => offTopic.Contains(s.Value)).Select(s => s.Key).ToList();
        var titles = await db.Articles.AsNoTracking().Where(a => offTopicIds.Contains(a.Id)).Select(a => a.Title).ToListAsync();

        // Its own title as a phrase, and a word every seed shares.
        foreach (var q in titles.Select(t => $"\"{t}\"").Append("Kazakhstan"))
        {
            Assert.Empty((await ResultSegmentsAsync(await FoundAsync(q))).Intersect(offTopic));
            Assert.Superset(offTopic, (await ResultSegmentsAsync(await FoundAsync(q, topic: "all"))).ToHashSet());
            Assert.Equal(offTopic.Order(), (await ResultSegmentsAsync(await FoundAsync(q, topic: "off"))).Order());

            Assert.DoesNotContain("off-topic</span>", await PageAsync(q), StringComparison.Ordinal);
            Assert.Contains("off-topic</span>", await PageAsync(q, topic: "all"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Tokayev", null)]
    [InlineData("Kazakhstan", null)]
    [InlineData("China OR CSTO", "all")]
    public async Task Every_facet_count_is_the_total_of_the_list_that_facet_narrows_to(string q, string? topic)
    {
        var found = await FoundAsync(q, topic);
        var total = found.GetProperty("total").GetInt32();
        var query = SearchQuery.Parse(q);
        var facets = found.GetProperty("facets");

        var checkedValues = 0;
        foreach (var group in new[] { "countries", "actors", "outlets", "outletKinds", "languages", "tags" })
        {
            foreach (var value in facets.GetProperty(group).EnumerateArray())
            {
                var narrowed = query.With(value.GetProperty("field").GetString()!, value.GetProperty("value").GetString()!);
                var count = value.GetProperty("count").GetInt32();
                Assert.True(count <= total, $"{narrowed}: {count} > {total}");
                Assert.True(count == (await FoundAsync(narrowed, topic)).GetProperty("total").GetInt32(), $"{narrowed} counts {count}");
                checkedValues++;
            }
        }

        var days = facets.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(total, days.Sum(d => d.GetProperty("count").GetInt32()));
        foreach (var day in days)
        {
            // The histogram's own link: the day's range replacing any other.
            var narrowed = query.With("from", day.GetProperty("from").GetString()!) + " " + new SearchFilter("to", day.GetProperty("to").GetString()!);
            Assert.Equal(day.GetProperty("count").GetInt32(), (await FoundAsync(narrowed, topic)).GetProperty("total").GetInt32());
        }

        // Countries, actors, outlets, kinds and languages each have at least one value on the seeds.
        Assert.True(checkedValues >= 5, $"only {checkedValues} facet values");
        Assert.NotEmpty(days);
    }

    /// <summary>Point 7 of the issue. Each either runs (200) or is refused (400), and says why unless it simply finds nothing.</summary>
    public static TheoryData<string, bool> BadInputs() => new()
    {
        { "", true },
        { "   ", true },
        { "\"\"", true },
        { "the of and", true },
        { "и в на", true },
        { "\"Tokayev", true },
        { "Tokayev «CSTO troops", true },
        { string.Concat(Enumerable.Repeat("Tokayev ", 250)), true },
        { string.Concat(Enumerable.Repeat("Tokayev ", 375)), true },
        { "&|!:*()<>", true },
        { "Tokayev & !CSTO | (troops <-> Almaty):*", false },
        { "'; DROP TABLE articles;--", false },
        { "Robert'); DROP TABLE articles; --", false },
        { "Tokayev outlet:no-such-outlet", true },
        { "Tokayev actor:\"No Such Person\"", true },
        { "Tokayev country:XX", true },
        { "Tokayev country:Narnia", true },
        { "Tokayev tag:no-such-tag", true },
        { "Tokayev kind:tabloid", true },
        { "Tokayev from:2022-13-45", true },
        { "Tokayev from:yesterday", true },
        { "to:2022-02-30", true },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_answers_200_or_400_with_a_message_from_the_api_and_the_page(string q, bool saysWhy)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(Address("/api/search", q, null));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        var messages = new List<string>();
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            messages.Add(json.GetProperty("detail").GetString()!);
        }
        else
        {
            if (json.GetProperty("error").GetString() is { } error)
            {
                messages.Add(error);
            }

            messages.AddRange(json.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!));
            Assert.True(messages.Count > 0 || json.GetProperty("total").GetInt32() == 0 || !saysWhy, body);
        }

        Assert.True(!saysWhy || messages.Count > 0, $"no message for {q}: {body}");
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));

        // The page shows the same messages; an empty box shows the search form and its help.
        using var pageResponse = await client.GetAsync(Address("/search", q, null));
        var page = await pageResponse.Content.ReadAsStringAsync();
        var shown = WebUtility.HtmlDecode(page);
        Assert.True(pageResponse.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)pageResponse.StatusCode}");
        if (pageResponse.StatusCode == HttpStatusCode.BadRequest)
        {
            // Refused before search by the site's input guard (far over the length search reads), on its error page.
            Assert.Contains("'q'", shown, StringComparison.Ordinal);
        }
        else if (string.IsNullOrWhiteSpace(q))
        {
            Assert.Contains("How to search", shown, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("id=\"search-q\"", page, StringComparison.Ordinal);
            Assert.All(messages, m => Assert.Contains(m, shown, StringComparison.Ordinal));
        }

        // And nothing was harmed: the collection still answers.
        Assert.NotEmpty(Results(await FoundAsync("Tokayev")));
    }

    [Fact]
    public async Task A_page_number_below_one_is_refused_with_a_message()
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/api/search?q=Tokayev&page=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<mark>(.*?)</mark>", RegexOptions.Singleline)]
    private static partial Regex Marked();

    [Theory]
    [InlineData("Tokayev")]
    [InlineData("Токаев")]
    [InlineData("\"external forces\"")]
    public async Task Highlights_mark_text_only_and_mark_what_was_searched_for(string q)
    {
        var page = await PageAsync(q);

        var marked = Marked().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, inner => Assert.DoesNotContain('<', inner));

        // Through the API the same highlights come as runs of text; no run is empty.
        var found = await FoundAsync(q);
        var spans = Results(found).SelectMany(r => r.GetProperty("titleSpans").EnumerateArray()
            .Concat(r.GetProperty("snippets").EnumerateArray().SelectMany(s => s.EnumerateArray()))).ToList();
        Assert.All(spans, s => Assert.NotEqual("", s.GetProperty("text").GetString()));
        Assert.Contains(spans, s => s.GetProperty("match").GetBoolean());
    }
}

/// <summary>Text from outside, with markup in it, found by search: the page shows it as text, never as markup.</summary>
public sealed class SearchMarkupTests(SiteFixture site) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private const string Word = "zanzibarquux";

    public async Task InitializeAsync()
    {
        await using var db = site.CreateContext();
        if (await db.Outlets.AnyAsync(o => o.Slug == "markup-wire"))
        {
            return;
        }

        var outlet = await TestData.OutletAsync(db, "markup-wire", "Markup <i>Wire</i>");
        await TestData.ArticleAsync(db, outlet, $"{Word} <b>bold</b> & <script>alert('title')</script>", new DateTimeOffset(2022, 1, 6, 9, 0, 0, TimeSpan.Zero),
            $"The {Word} report <img src=x onerror=alert('body')> names {Word} <a href=\"javascript:alert(1)\">twice</a>.",
            $"A second paragraph with </p><script>alert('{Word}')</script> in it.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Word, true)]
    [InlineData(Word + " OR <script>alert('query')</script>", false)]
    public async Task Markup_in_articles_and_queries_is_shown_as_text(string q, bool onlyTheWordMatches)
    {
        using var client = site.CreateClient();
        var page = await client.GetStringAsync($"/search?q={Uri.EscapeDataString(q)}");

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Wire", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", page, StringComparison.Ordinal);

        var marked = Regex.Matches(page, "<mark>(.*?)</mark>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, inner => Assert.DoesNotContain('<', inner));
        if (onlyTheWordMatches)
        {
            Assert.All(marked, inner => Assert.Equal(Word, inner, ignoreCase: true));
        }
        else
        {
            // The query is echoed into the search box as text.
            Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", page, StringComparison.Ordinal);
    }
}
