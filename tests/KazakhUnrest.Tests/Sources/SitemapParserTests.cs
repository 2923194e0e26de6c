using System.Text;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Tests.Sources;

public sealed class SitemapParserTests
{
    [Fact]
    public void A_gzipped_sitemap_index_is_recognised_by_its_magic_bytes()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://news.example.kz/sitemap-2022-01.xml.gz</loc><lastmod>2022-01-31T23:00:00+06:00</lastmod></sitemap>
              <sitemap><loc>/sitemap-2022-02.xml</loc></sitemap>
            </sitemapindex>
            """;

        var sitemap = SitemapParser.Parse(Compression.Compress(Encoding.UTF8.GetBytes(xml), "gzip"), new Uri("https://news.example.kz/sitemap.xml"));

        Assert.Equal(SitemapKind.Index, sitemap.Kind);
        Assert.False(sitemap.Truncated);
        Assert.Equal(
            [new Uri("https://news.example.kz/sitemap-2022-01.xml.gz"), new Uri("https://news.example.kz/sitemap-2022-02.xml")],
            sitemap.Entries.Select(e => e.Location));
        Assert.Equal(new DateTimeOffset(2022, 1, 31, 17, 0, 0, TimeSpan.Zero), sitemap.Entries[0].LastModified!.Value.ToUniversalTime());
    }

    [Fact]
    public void A_news_sitemap_carries_publication_details()
    {
        var sitemap = SitemapParser.Parse(Encoding.UTF8.GetBytes("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url>
                <loc>https://news.example.kz/ru/2022/01/05/almaty</loc>
                <lastmod>2022-01-05</lastmod>
                <news:news>
                  <news:publication><news:name>Example News</news:name><news:language>ru</news:language></news:publication>
                  <news:publication_date>2022-01-05T09:15:00+06:00</news:publication_date>
                  <news:title>Протесты в Алматы</news:title>
                </news:news>
              </url>
              <url><loc>https://news.example.kz/about</loc></url>
            </urlset>
            """));

        Assert.Equal(SitemapKind.UrlSet, sitemap.Kind);
        Assert.Equal(2, sitemap.Entries.Count);
        var news = sitemap.Entries[0].News!;
        Assert.Equal(new NewsSitemapInfo("Example News", "ru", new DateTimeOffset(2022, 1, 5, 9, 15, 0, TimeSpan.FromHours(6)), "Протесты в Алматы"), news);
        Assert.Equal(new DateTimeOffset(2022, 1, 5, 0, 0, 0, TimeSpan.Zero), sitemap.Entries[0].LastModified);
        Assert.Null(sitemap.Entries[1].News);
    }

    [Fact]
    public void Entries_are_capped()
    {
        var urls = string.Concat(Enumerable.Range(0, 30).Select(i => $"<url><loc>https://x.example/{i}</loc></url>"));
        var sitemap = SitemapParser.Parse(Encoding.UTF8.GetBytes($"<urlset>{urls}</urlset>"), maxEntries: 25);

        Assert.Equal(25, sitemap.Entries.Count);
        Assert.True(sitemap.Truncated);
        Assert.Equal(new Uri("https://x.example/24"), sitemap.Entries[^1].Location);
    }

    [Fact]
    public void An_oversized_or_malformed_sitemap_throws()
    {
        var big = Encoding.UTF8.GetBytes($"<urlset><url><loc>https://x.example/{new string('a', 5000)}</loc></url></urlset>");

        Assert.Contains("limit", Assert.Throws<SitemapParseException>(() => SitemapParser.Parse(big, maxBytes: 1000)).Message);
        Assert.Throws<SitemapParseException>(() => SitemapParser.Parse("<urlset><url>"u8.ToArray()));
        Assert.Contains("<html>", Assert.Throws<SitemapParseException>(() => SitemapParser.Parse("<html/>"u8.ToArray())).Message);
    }
}
