using System.Net;
using System.Text;
using System.Text.Json;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// CSV and JSON Lines downloads on the seeds: each holds what its list holds with the same filters (counted against the
/// API's totals and the database), in the list's order, as an attachment; CSV is RFC 4180 with a byte order mark and
/// defuses formulas; every list page links its downloads with its own filters.
/// </summary>
public sealed class ExportsTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Theory]
    [InlineData("topic=all")]
    [InlineData("topic=off")]
    [InlineData("")]
    public async Task Articles_hold_what_the_list_holds_with_the_same_filters(string filters)
    {
        using var client = site.CreateClient();
        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/articles?pageSize=100&{filters}"));
        var listed = api.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(api.RootElement.GetProperty("total").GetInt32(), listed.Count);

        var (header, rows) = await CsvAsync(client, $"/articles.csv?{filters}");
        Assert.Equal("id", header[0]);
        Assert.Equal(listed, rows.Select(r => r[0]));

        var lines = await JsonLinesAsync(client, $"/articles.jsonl?{filters}");
        Assert.Equal(listed, lines.Select(l => l.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_outlet_filter_narrows_the_download_as_it_narrows_the_list()
    {
        using var client = site.CreateClient();
        await using var db = site.CreateContext();
        var outlet = await db.Outlets.Where(o => o.Articles.Any()).OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync();
        var expected = await db.Articles.CountAsync(a => a.Outlet.Slug == outlet && a.OnTopic);

        var (_, rows) = await CsvAsync(client, $"/articles.csv?outlet={Uri.EscapeDataString(outlet)}");
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal(outlet, r[3]));
    }

    [Theory]
    [InlineData("sort=latest")]
    [InlineData("sort=most")]
    public async Task Stories_are_the_lists_stories_in_its_order(string filters)
    {
        using var client = site.CreateClient();
        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/stories?pageSize=100&{filters}"));
        var listed = api.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(listed);

        var (_, rows) = await CsvAsync(client, $"/stories.csv?{filters}");
        Assert.Equal(listed, rows.Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(listed, (await JsonLinesAsync(client, $"/stories.jsonl?{filters}")).Select(l => l.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Timeline_entries_are_every_entry_of_every_day_the_timeline_counts()
    {
        using var client = site.CreateClient();
        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/timeline"));
        var total = api.RootElement.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("total").GetInt32())
            + api.RootElement.GetProperty("otherDays").EnumerateArray().Sum(d => d.GetProperty("entries").GetInt32());
        Assert.True(total > 0);

        var lines = await JsonLinesAsync(client, "/timeline.jsonl");
        Assert.Equal(total, lines.Count);
        Assert.Equal(lines.Select(l => l.GetProperty("date").GetString()).Order(StringComparer.Ordinal), lines.Select(l => l.GetProperty("date").GetString()));
        var (header, rows) = await CsvAsync(client, "/timeline.csv");
        Assert.Equal(total, rows.Count);
        var permalink = rows[0][header.IndexOf("permalink")];
        using var entry = await client.GetAsync(permalink);
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
    }

    [Fact]
    public async Task Figures_and_quotes_hold_every_row()
    {
        using var client = site.CreateClient();
        using var figures = JsonDocument.Parse(await client.GetStringAsync("/api/figures"));
        Assert.Equal(figures.RootElement.GetArrayLength(), (await JsonLinesAsync(client, "/figures.jsonl")).Count);

        await using var db = site.CreateContext();
        var quotes = await db.ArticleQuotes.CountAsync(q => q.Article.OnTopic);
        Assert.True(quotes > 0);
        Assert.Equal(quotes, (await CsvAsync(client, "/quotes.csv")).Rows.Count);
        var story = await db.ArticleQuotes.Where(q => q.Article.OnTopic && q.Article.StoryId != null).Select(q => q.Article.StoryId!.Value).FirstAsync();
        var ofStory = await db.ArticleQuotes.CountAsync(q => q.Article.OnTopic && q.Article.StoryId == story);
        var lines = await JsonLinesAsync(client, $"/quotes.jsonl?story={story}");
        Assert.Equal(ofStory, lines.Count);
        Assert.All(lines, l => Assert.Equal(story, l.GetProperty("storyId").GetInt64()));
    }

    [Theory]
    [InlineData("/articles?topic=all", "/articles.csv?topic=all")]
    [InlineData("/stories?sort=most", "/stories.jsonl?sort=most")]
    [InlineData("/timeline?kind=Independent", "/timeline.csv?kind=Independent")]
    public async Task Each_list_links_its_downloads_with_its_own_filters(string page, string download)
    {
        using var client = site.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains($"href=\"{download}\"", html);
        using var response = await client.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("Токаев, президент", "\"Токаев, президент\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void A_csv_field_is_quoted_and_a_formula_defused(string value, string field) => Assert.Equal(field, TableExport.Field(value));

    private static async Task<(List<string> Header, List<List<string>> Rows)> CsvAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        return (records[0], records.Skip(1).ToList());
    }

    private static async Task<List<JsonElement>> JsonLinesAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jsonl", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both and double their quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "a quoted field is never closed");
        Assert.Equal(0, field.Length + record.Count);
        return records;
    }
}
