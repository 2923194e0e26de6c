using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// Fewer bytes on the wire: Brotli or gzip for every text answer (pages, JSON, feeds, CSV, SVG), and static files that a
/// browser keeps. The site's own links to its stylesheet and script carry a hash of the file (<c>asp-append-version</c>),
/// so such a file never changes under its address and may be kept for a year; without the hash, an hour.
/// </summary>
public static class ResponseSize
{
    /// <summary>A year, the longest RFC 9111 advises: a fingerprinted file is replaced by a new address, never changed.</summary>
    private const string Fingerprinted = "public, max-age=31536000, immutable";

    /// <summary>An unfingerprinted file (the favicon, a hand-typed address) may change with a release; an hour bounds the stale copy.</summary>
    private const string Plain = "public, max-age=3600";

    public static IServiceCollection AddResponseSize(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Not over https by default: a page holding an antiforgery token and reflecting a query would be open to BREACH.
            // A deployment that ends TLS at its proxy (nginx, haproxy) gets compressed answers from the site all the same.
            o.EnableForHttps = false;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/atom+xml", "application/problem+json", "image/svg+xml", "text/csv", "application/jsonl"]);
        });
        // Fastest: under load the compression runs on every answer (the page cache keeps the uncompressed body), and the
        // fastest level already takes a page of text to a fifth; the best levels cost several times the CPU for a few percent.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static StaticFileOptions StaticFiles() => new()
    {
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
            context.Context.Request.Query.ContainsKey("v") ? Fingerprinted : Plain,
    };
}
