using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Pipeline;
using KazakhUnrest.Tests.Sources;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>
/// The site on the seed pages plus a WARC whose pages carry script in every field and links in every scheme a browser
/// would run, imported by the scraper's own import command with an outlets file of the same kind. Editing is on (a key is
/// set) so that the fuzz test reaches the editing endpoints' bodies too.
/// </summary>
public sealed class HostileSiteFixture : SiteFixture
{
    public const string EditorKey = "fuzz-editor-key";

    /// <summary>Written into every text field of the hostile pages; the site must show it as text.</summary>
    public const string Script = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    public const string HostileUrl = "https://evil.example/unrest/report";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("ku-hostile-").FullName;
        try
        {
            var warc = Path.Combine(folder, "hostile.warc.gz");
            await File.WriteAllBytesAsync(warc, Warc());
            var outlets = Path.Combine(folder, "outlets.json");
            await File.WriteAllTextAsync(outlets, """
                [{ "name": "Evil <script>alert(3)</script> Wire", "slug": "evil-wire", "homepage": "javascript:alert(document.domain)",
                   "country": "KZ", "kind": "independent", "description": "<script>alert(4)</script>" }]
                """);

            var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={ConnectionString}"]);
            builder.AddPipeline();
            using var scraper = builder.Build();
            var seeds = Path.Combine(ScraperFixture.SharedCorpus, "seeds");
            var status = await ImportCommand.RunAsync(scraper.Services, [seeds, warc], outlets, false, false, CancellationToken.None);
            if (status != 0)
            {
                throw new InvalidOperationException($"importing the seeds and the hostile WARC failed with status {status}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Api:EditorKey", EditorKey);

    private static byte[] Warc() => WarcFiles.Gzip(
        WarcFiles.Record("response", HostileUrl, WarcFiles.Http(200, "text/html; charset=utf-8",
            Page("javascript://evil.example/%0aalert(document.domain)"))),
        // A capture whose own address is a script: nothing but the address could make it a link.
        WarcFiles.Record("response", "javascript:alert(5)//unrest", WarcFiles.Http(200, "text/html; charset=utf-8", Page("data:text/html,<script>alert(6)</script>"))),
        WarcFiles.Record("response", "https://evil.example/unrest/second", WarcFiles.Http(200, "text/html; charset=utf-8", Page("vbscript:msgbox(7)"))));

    private static string Page(string canonical)
    {
        var text = System.Net.WebUtility.HtmlEncode(Script);
        var attribute = System.Net.WebUtility.HtmlEncode(Script);
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Protests in Almaty {text} | Evil Wire</title>
            <link rel="canonical" href="{canonical}">
            <meta property="og:url" content="{canonical}">
            <meta property="og:site_name" content="Evil Wire {attribute}">
            <meta property="og:title" content="Protests in Almaty {attribute}">
            <meta name="author" content="Reporter {attribute}">
            <meta property="article:published_time" content="2022-01-05T10:00:00+06:00">
            <script>alert(8)</script>
            </head>
            <body onload="alert(9)">
            <article><h1>Protests in Almaty {text}</h1>
            <p class="byline">By Reporter {text}</p>
            <p>ALMATY, Jan 5 — Protesters {text} gathered in Almaty on January 5, 2022, where police said 8 people were killed, according to the interior ministry {text}.</p>
            <p>President Kassym-Jomart Tokayev {text} said "order will be restored {text}" as fuel prices rose in Kazakhstan <a href="javascript:alert(10)">read more</a>.</p>
            <p>Witnesses in Zhanaozen described 1,000 people detained {text} and <img src="javascript:alert(11)" onerror="alert(12)"> long queues.</p>
            <p><a href="data:text/html,&lt;script&gt;alert(13)&lt;/script&gt;">Data link</a> and <a href="vbscript:msgbox(14)">VB link</a>.</p>
            </article>
            </body></html>
            """;
    }
}
