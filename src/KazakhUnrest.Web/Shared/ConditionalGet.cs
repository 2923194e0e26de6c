using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// A GET answer that a client already holding it gets back as <c>304 Not Modified</c> without a body: feed readers poll
/// every few minutes, and most polls find nothing new. Usage from a minimal API handler:
/// <code>
/// return ConditionalGet.Bytes(body, "application/atom+xml; charset=utf-8", lastModified);
/// return ConditionalGet.Json(model);                 // serialized with the site's JSON options
/// </code>
/// The answer carries a strong <c>ETag</c> computed from the body bytes (SHA-256, base64url, quoted), so two instances of
/// the site, or one after a restart, give the same body the same tag; <c>Last-Modified</c> when the caller knows when the
/// content last changed (HTTP date, whole seconds); and <c>Cache-Control</c>.
/// The request's preconditions are evaluated as RFC 9110 section 13.2.2 orders them for GET and HEAD:
/// <c>If-None-Match</c> (a list, <c>*</c>, weak <c>W/</c> tags compared weakly) decides when it is present;
/// only without it does <c>If-Modified-Since</c> count, answering 304 when it is not earlier than Last-Modified.
/// The framework's <c>TypedResults.Bytes(..., entityTag:)</c> is not used: it lets If-Modified-Since overrule a matching
/// If-None-Match, and it computes no tag.
/// </summary>
public static class ConditionalGet
{
    /// <summary>
    /// For what every reader sees alike. A minute: the page cache already serves pages up to
    /// <see cref="SiteOptions.PageCacheSeconds"/> old, feed readers poll every 15 to 60 minutes, and the ETag makes every
    /// later poll cheap; a shared proxy may keep one copy for all its readers.
    /// </summary>
    public const string Public = "public, max-age=60";

    /// <summary>
    /// For a signed-in person, whose answer may hold what only editors see: no shared cache may keep it, and the browser
    /// asks again every time (answered by 304 when nothing changed).
    /// </summary>
    public const string SignedIn = "private, no-cache";

    /// <summary>A body already made, with its media type (charset included) and when its content last changed, if known.</summary>
    public static ConditionalGetResult Bytes(byte[] body, string contentType, DateTimeOffset? lastModified = null) =>
        new(_ => body, contentType, lastModified);

    /// <summary>
    /// A value serialized with the site's JSON options (the same as <c>TypedResults.Ok</c> uses), as <c>application/json</c>.
    /// </summary>
    public static ConditionalGetResult Json<T>(T value, DateTimeOffset? lastModified = null) =>
        new(http => JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions(http)), "application/json; charset=utf-8", lastModified);

    /// <summary>The strong entity tag of a body, quoted as the ETag header carries it.</summary>
    public static string EntityTag(ReadOnlySpan<byte> body) => $"\"{Base64Url.EncodeToString(SHA256.HashData(body))}\"";

    /// <summary>
    /// Whether the request's preconditions say the client's copy is current: its If-None-Match names
    /// <paramref name="entityTag"/> (or <c>*</c>), or it sent no If-None-Match and its If-Modified-Since is not earlier
    /// than <paramref name="lastModified"/>.
    /// </summary>
    public static bool IsNotModified(HttpRequest request, string entityTag, DateTimeOffset? lastModified)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // An unreadable list matches nothing: the client gets the body, never a 304 it did not ask for.
            var current = new EntityTagHeaderValue(entityTag);
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        }

        // Not a valid HTTP date, or more than one: ignored, as RFC 9110 says.
        var ifModifiedSince = request.Headers.IfModifiedSince;
        return lastModified is { } modified
            && ifModifiedSince.Count == 1
            && HeaderUtilities.TryParseDate(ifModifiedSince.ToString(), out var since)
            && since >= WholeSeconds(modified);
    }

    /// <summary>HTTP dates carry whole seconds; a time with a fraction would always look newer than the client's copy.</summary>
    internal static DateTimeOffset WholeSeconds(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static JsonSerializerOptions SerializerOptions(HttpContext http) =>
        http.RequestServices?.GetService<IOptions<HttpJsonOptions>>()?.Value.SerializerOptions ?? JsonSerializerOptions.Web;
}

/// <summary>The answer <see cref="ConditionalGet"/> makes: 200 with the body, or 304 without one. See there.</summary>
public sealed class ConditionalGetResult : IResult, IContentTypeHttpResult
{
    private readonly Func<HttpContext, byte[]> _body;

    internal ConditionalGetResult(Func<HttpContext, byte[]> body, string contentType, DateTimeOffset? lastModified)
    {
        _body = body;
        ContentType = contentType;
        LastModified = lastModified is { } time ? ConditionalGet.WholeSeconds(time) : null;
    }

    public string ContentType { get; }

    /// <summary>When the content last changed, to the second, as the Last-Modified header says it.</summary>
    public DateTimeOffset? LastModified { get; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = _body(httpContext);
        var entityTag = ConditionalGet.EntityTag(body);
        var response = httpContext.Response;

        // A 304 repeats the validators and caching rules a 200 would carry (RFC 9110 section 15.4.5), so caches refresh them.
        response.Headers.ETag = entityTag;
        if (LastModified is { } modified)
        {
            response.Headers.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        }

        response.Headers.CacheControl = httpContext.User.Identity?.IsAuthenticated == true ? ConditionalGet.SignedIn : ConditionalGet.Public;

        if (ConditionalGet.IsNotModified(httpContext.Request, entityTag, LastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
