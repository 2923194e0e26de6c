using System.Net;
using System.Text.Json;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>A search's Atom feed on the seeds: valid Atom read back by the scraper's own parser, and conditional GET.</summary>
public sealed class SearchFeedTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Theory]
    [InlineData("CSTO")]
    [InlineData("Тоқаев")]
    public async Task The_feed_is_Atom_with_the_searchs_newest_matches_linked_to_their_articles(string query)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync($"/search/feed?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var feed = FeedParser.Parse(bytes, new Uri(site.BaseAddress, "/search/feed"), "utf-8", "application/atom+xml");
        // The strict reader took it: valid Atom 1.0, not something only the tolerant reader could make sense of.
        Assert.Equal(("syndication", FeedFormat.Atom), (feed.ParsedBy, feed.Format));
        Assert.Contains(query, feed.Title);

        var expected = await SearchIdsAsync(client, query);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), feed.Items.Select(i => long.Parse(i.Link!.Segments[^1], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(feed.Items, item =>
        {
            Assert.Equal(item.Link!.AbsoluteUri, item.Guid);
            Assert.StartsWith(new Uri(site.BaseAddress, "/articles/").AbsoluteUri, item.Guid, StringComparison.Ordinal);
            Assert.NotNull(item.Updated);
            Assert.False(string.IsNullOrWhiteSpace(item.Title));
        });
        // Every entry's link opens its article.
        foreach (var item in feed.Items)
        {
            using var page = await client.GetAsync(item.Link);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task The_feed_answers_304_to_a_conditional_get_by_etag_and_by_date()
    {
        using var client = site.CreateClient();
        using var first = await client.GetAsync("/search/feed?q=Tokayev");
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/search/feed?q=Tokayev");
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/search/feed?q=Tokayev");
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedByDate = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);

        using var otherQuery = new HttpRequestMessage(HttpMethod.Get, "/search/feed?q=CSTO");
        otherQuery.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(otherQuery);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("from:yesterday")]
    public async Task A_feed_for_a_query_that_cannot_run_answers_400_with_the_reason(string query)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync($"/search/feed?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_search_page_links_its_feed_for_discovery()
    {
        using var client = site.CreateClient();
        var html = await client.GetStringAsync("/search?q=CSTO");
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search/feed?q=CSTO\"", html, StringComparison.Ordinal);
    }

    private static async Task<List<long>> SearchIdsAsync(HttpClient client, string query)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(query)}&sort=date"));
        return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];
    }
}
