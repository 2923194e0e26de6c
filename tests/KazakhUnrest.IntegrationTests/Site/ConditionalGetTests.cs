using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Sources;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>
/// A client holding the current answer gets 304 without a body, by its ETag or, sending none, by its date; any other
/// client gets the body. Over HTTP from a throwaway server that maps the helper (the product has no endpoint for tests),
/// and each precondition rule on its own request object.
/// </summary>
public sealed class ConditionalGetTests
{
    private static readonly DateTimeOffset Changed = new(2022, 1, 6, 10, 20, 30, 400, TimeSpan.Zero);

    private static readonly byte[] Body = "<feed>Тоқаев</feed>"u8.ToArray();

    private static readonly string Tag = ConditionalGet.EntityTag(Body);

    private static readonly AtomFeed Feed = new(
        "https://kazakhunrest.test/search/feed?q=tokayev", "Search: tokayev",
        new Uri("https://kazakhunrest.test/search/feed?q=tokayev"), new Uri("https://kazakhunrest.test/search?q=tokayev"),
        [new AtomEntry("https://kazakhunrest.test/articles/1", "Токаев", new Uri("https://kazakhunrest.test/articles/1"), null, Changed, "Azattyq")],
        Changed);

    [Fact]
    public async Task A_feed_poll_with_the_etag_or_the_date_it_got_is_answered_304_without_a_body()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/feed", () => AtomFeedWriter.Result(Feed)));
        using var client = new HttpClient();

        using var first = await client.GetAsync(server.Url("/feed"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        var body = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(Feed.Entries[0].Title, FirstTitle(body));
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal(ConditionalGet.EntityTag(body), etag.Tag);
        Assert.Equal(new DateTimeOffset(2022, 1, 6, 10, 20, 30, TimeSpan.Zero), first.Content.Headers.LastModified);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());

        using var byTag = new HttpRequestMessage(HttpMethod.Get, server.Url("/feed"));
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal("public, max-age=60", notModified.Headers.CacheControl!.ToString());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, server.Url("/feed"));
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var notModifiedSince = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);
        Assert.Empty(await notModifiedSince.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, server.Url("/feed"));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-feed\""));
        using var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(body, await changed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Json_answers_get_head_and_a_poll_with_its_etag()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
            app.MapMethods("/json", ["GET", "HEAD"], () => ConditionalGet.Json(new { Name = "Тоқаев", Count = 3 })));
        using var client = new HttpClient();

        using var get = await client.GetAsync(server.Url("/json"));
        var json = await get.Content.ReadAsStringAsync();
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal("Тоқаев", document.RootElement.GetProperty("name").GetString());
            Assert.Equal(3, document.RootElement.GetProperty("count").GetInt32());
        }

        Assert.Equal("application/json; charset=utf-8", get.Content.Headers.ContentType!.ToString());
        Assert.Null(get.Content.Headers.LastModified);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, server.Url("/json")));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(json), head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var again = new HttpRequestMessage(HttpMethod.Get, server.Url("/json"));
        again.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    public static TheoryData<string?, string?, int> Preconditions => new()
    {
        // No precondition: the body.
        { null, null, 200 },
        // If-None-Match: the tag, alone, in a list, weak, any; another tag; an unreadable list.
        { Tag, null, 304 },
        { $"\"other\", {Tag}", null, 304 },
        { $"\"other\",{Tag} , \"third\"", null, 304 },
        { $"W/{Tag}", null, 304 },
        { "*", null, 304 },
        { "\"other\"", null, 200 },
        { "W/\"other\"", null, 200 },
        { Tag.Trim('"'), null, 200 },
        // If-Modified-Since: the very second, later, one second earlier, not a date.
        { null, "Thu, 06 Jan 2022 10:20:30 GMT", 304 },
        { null, "Fri, 07 Jan 2022 00:00:00 GMT", 304 },
        { null, "Thu, 06 Jan 2022 10:20:29 GMT", 200 },
        { null, "yesterday", 200 },
        // With If-None-Match present, If-Modified-Since does not count, either way.
        { "\"other\"", "Fri, 07 Jan 2022 00:00:00 GMT", 200 },
        { Tag, "Wed, 05 Jan 2022 00:00:00 GMT", 304 },
    };

    [Theory]
    [MemberData(nameof(Preconditions))]
    public async Task Preconditions_decide_between_the_body_and_304(string? ifNoneMatch, string? ifModifiedSince, int status)
    {
        var http = Context("GET");
        if (ifNoneMatch is not null)
        {
            http.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        if (ifModifiedSince is not null)
        {
            http.Request.Headers.IfModifiedSince = ifModifiedSince;
        }

        await ConditionalGet.Bytes(Body, "text/plain; charset=utf-8", Changed).ExecuteAsync(http);

        Assert.Equal(status, http.Response.StatusCode);
        Assert.Equal(status == 200 ? Body : [], ((MemoryStream)http.Response.Body).ToArray());
        Assert.Equal(Tag, http.Response.Headers.ETag.ToString());
        Assert.Equal("Thu, 06 Jan 2022 10:20:30 GMT", http.Response.Headers.LastModified.ToString());
    }

    [Fact]
    public async Task Json_is_serialized_with_the_site_options()
    {
        var http = Context("GET");
        http.RequestServices = new ServiceCollection()
            .ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .BuildServiceProvider();
        await ConditionalGet.Json(new { Day = DayOfWeek.Thursday }).ExecuteAsync(http);
        Assert.Equal("""{"day":"Thursday"}""", System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
    }

    [Fact]
    public async Task Without_a_last_modified_time_a_date_alone_never_makes_304()
    {
        var http = Context("GET");
        http.Request.Headers.IfModifiedSince = "Fri, 07 Jan 2099 00:00:00 GMT";
        await ConditionalGet.Bytes(Body, "text/plain; charset=utf-8").ExecuteAsync(http);
        Assert.Equal(200, http.Response.StatusCode);
        Assert.False(http.Response.Headers.ContainsKey("Last-Modified"));
    }

    [Fact]
    public async Task A_signed_in_persons_answer_is_kept_by_no_shared_cache()
    {
        var http = Context("GET");
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor")], "Cookies"));
        await ConditionalGet.Bytes(Body, "text/plain; charset=utf-8", Changed).ExecuteAsync(http);
        Assert.Equal("private, no-cache", http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public void The_tag_is_the_bodys_own_strong_tag()
    {
        Assert.Equal(Tag, ConditionalGet.EntityTag(Body.ToArray()));
        Assert.NotEqual(Tag, ConditionalGet.EntityTag("<feed>Токаев</feed>"u8));
        // SHA-256 in unpadded base64url between quotes: 32 bytes are 43 characters, none a quote, '+', '/' or '='.
        Assert.Matches("^\"[A-Za-z0-9_-]{43}\"$", Tag);
    }

    [Fact]
    public void A_request_other_than_get_or_head_is_never_not_modified()
    {
        var http = Context("POST");
        http.Request.Headers.IfNoneMatch = "*";
        Assert.False(ConditionalGet.IsNotModified(http.Request, Tag, Changed));
    }

    private static DefaultHttpContext Context(string method)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Response.Body = new MemoryStream();
        return http;
    }

    // The scraper's parser reads what the server sent.
    private static string? FirstTitle(byte[] body) => FeedParser.Parse(body).Items[0].Title;
}
