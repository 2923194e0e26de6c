using System.Globalization;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Fetching;
using KazakhUnrest.Scraper.Import;
using KazakhUnrest.Scraper.Sources;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>How each kind of source yields article pages: feeds and sitemaps list them, archive queries search GDELT, folders hold captures.</summary>
public sealed class SourceKinds(PoliteFetcher fetcher, GdeltClient gdelt, ArticlePages pages, Importer importer, IOptions<ScraperOptions> options)
{
    public Task<SourceRun> RunAsync(Source source, CancellationToken ct) => source.Kind switch
    {
        SourceKind.Feed => FeedAsync(source, ct),
        SourceKind.Sitemap => SitemapAsync(source, ct),
        SourceKind.ArchiveQuery => ArchiveAsync(source, ct),
        SourceKind.CaptureFolder => FolderAsync(source, ct),
        _ => throw new InvalidOperationException($"unknown source kind {source.Kind}"),
    };

    private async Task<SourceRun> FeedAsync(Source source, CancellationToken ct)
    {
        var (fetch, done) = await FetchListingAsync(source, ct);
        if (done is not null)
        {
            return done;
        }

        Feed feed;
        try
        {
            feed = FeedParser.Parse(fetch);
        }
        catch (FeedParseException e)
        {
            return new SourceRun { Error = $"malformed feed: {e.Message}" };
        }

        var run = await pages.IngestAsync(source.Id, feed.Items.Select(i => i.Link).OfType<Uri>(), null, ct);
        return run with { SuggestedNextCheck = fetch.SuggestedNextCheck, SuggestedInterval = feed.Ttl, ETag = fetch.ETag, LastModified = fetch.LastModified };
    }

    private async Task<SourceRun> SitemapAsync(Source source, CancellationToken ct)
    {
        var (root, done) = await FetchListingAsync(source, ct);
        if (done is not null)
        {
            return done;
        }

        var entries = new List<SitemapEntry>();
        try
        {
            var sitemap = SitemapParser.Parse(root.Body, root.FinalUrl);
            if (sitemap.Kind == SitemapKind.UrlSet)
            {
                entries.AddRange(sitemap.Entries);
            }
            else
            {
                // Newest child sitemaps first: news sites append, and the cap should keep the recent ones.
                foreach (var child in sitemap.Entries.OrderByDescending(e => e.LastModified).Take(options.Value.MaxSitemapsPerRun))
                {
                    var fetched = await fetcher.FetchAsync(child.Location, null, ct);
                    if (!fetched.IsSuccess)
                    {
                        return SourceRun.Failed(fetched) with { Error = $"child sitemap {child.Location}: {fetched.Outcome}: {fetched.Error}" };
                    }

                    entries.AddRange(SitemapParser.Parse(fetched.Body, fetched.FinalUrl).Entries);
                }
            }
        }
        catch (SitemapParseException e)
        {
            return new SourceRun { Error = $"malformed sitemap: {e.Message}" };
        }

        var newestFirst = entries.OrderByDescending(e => e.News?.PublicationDate ?? e.LastModified).Select(e => e.Location);
        var run = await pages.IngestAsync(source.Id, newestFirst, null, ct);
        return run with { SuggestedNextCheck = root.SuggestedNextCheck, ETag = root.ETag, LastModified = root.LastModified };
    }

    /// <summary>
    /// The feed or sitemap itself, conditionally: an unchanged listing (304) or a failed fetch ends the run
    /// before any page is looked at.
    /// </summary>
    private async Task<(FetchResult Fetch, SourceRun? Done)> FetchListingAsync(Source source, CancellationToken ct)
    {
        var fetch = await fetcher.FetchAsync(new Uri(source.Location), new FetchConditions(source.ETag, source.LastModified), ct);
        return fetch.Outcome switch
        {
            FetchOutcome.NotModified => (fetch, new SourceRun { SuggestedNextCheck = fetch.SuggestedNextCheck, ETag = source.ETag, LastModified = source.LastModified }),
            _ when !fetch.IsSuccess => (fetch, SourceRun.Failed(fetch)),
            _ => (fetch, null),
        };
    }

    private async Task<SourceRun> ArchiveAsync(Source source, CancellationToken ct)
    {
        var (query, from, to) = ArchiveQuery.Parse(source.Location);
        var links = new List<Uri>();
        var incomplete = 0;
        await foreach (var window in gdelt.SearchAsync(query, from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MaxValue), ct))
        {
            if (window.Error is not null)
            {
                return SourceRun.Failed(window.Fetch) with { Error = $"GDELT {window.Start:yyyy-MM-dd}: {window.Error}" };
            }

            incomplete += window.Incomplete ? 1 : 0;
            links.AddRange(window.Articles.Select(a => a.Url));
        }

        var run = await pages.IngestAsync(source.Id, links, (from, to), ct);
        // A finished archive query has nothing new to find soon; look again at the longest interval.
        return run with
        {
            SuggestedInterval = options.Value.MaxInterval,
            LastPageError = incomplete > 0 ? $"{incomplete} GDELT windows hit the record cap; some articles may be missing. {run.LastPageError}" : run.LastPageError,
        };
    }

    private async Task<SourceRun> FolderAsync(Source source, CancellationToken ct)
    {
        if (!Directory.Exists(source.Location))
        {
            return new SourceRun { Error = $"folder not found: {source.Location}" };
        }

        var result = await importer.ImportAsync(CaptureFiles.Find([source.Location]), isSample: false, source.Id, null, ct);
        return new SourceRun { Articles = result.Articles, FailedPages = result.FailedFiles, LastPageError = result.LastError };
    }
}

/// <summary>An archive query source's location: "QUERY | FROM | TO" with ISO dates.</summary>
public static class ArchiveQuery
{
    public static string Format(string query, DateOnly from, DateOnly to) =>
        $"{query} | {from:yyyy-MM-dd} | {to:yyyy-MM-dd}";

    public static (string Query, DateOnly From, DateOnly To) Parse(string location)
    {
        var parts = location.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length != 3
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || parts[0].Length == 0 || to < from)
        {
            throw new FormatException($"archive query '{location}' is not 'QUERY | yyyy-MM-dd | yyyy-MM-dd'");
        }

        return (parts[0], from, to);
    }
}
