using System.Net;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>Small article pages with the furniture real outlets wrap around a report.</summary>
internal static class TestPages
{
    public static string Article(string title, DateTimeOffset published, params string[] paragraphs) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} | Test Outlet</title>
        <meta property="og:site_name" content="Test Outlet">
        <meta property="article:published_time" content="{published:yyyy-MM-ddTHH:mm:sszzz}"></head>
        <body>
        <div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{WebUtility.HtmlEncode(title)}</h1>
        {string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"))}
        </article>
        <aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Something else entirely</a></li></ul></aside>
        <footer>© Test Outlet</footer>
        </body></html>
        """;

    public static string[] Paragraphs(string topic) =>
    [
        $"Officials in Almaty said on Wednesday that {topic} had continued through the night, according to local reports.",
        $"Witnesses described long queues and a heavy police presence as {topic} drew crowds to the central square.",
        "The government promised to review fuel prices and said order would be restored within days.",
    ];

    public static string Rss(params (string Link, string Title, DateTimeOffset Date)[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test Outlet</title><link>http://outlet.test/</link><description>News</description><ttl>45</ttl>
        {string.Concat(items.Select(i => $"<item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{i.Link}</link><pubDate>{i.Date:R}</pubDate><guid>{i.Link}</guid></item>"))}
        </channel></rss>
        """;
}
