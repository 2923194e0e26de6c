using System.Globalization;
using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Framing;
using Microsoft.AspNetCore.Diagnostics;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// Refuses input no reader or editor sends, before any page or endpoint sees it: control characters (a NUL byte makes
/// PostgreSQL refuse the whole query), numbers out of range (a huge page overflowed the offset), values that are not one
/// of a parameter's known values, and overlong values, in the path, the query, route values, form fields and JSON
/// bodies. The answer is 400 naming the parameter: problem+json under /api, the site's error page elsewhere.
/// The parameters with a fixed form are listed here, one table for every page and endpoint that reads them.
/// </summary>
public static class InputGuard
{
    // Far beyond any list's last page at any collection size this site serves; multiplying by a page size stays in range.
    private const int MaxPage = 1_000_000;

    /// <summary>
    /// The longest query or route value taken. The longest the site's own links carry is an entity id, an outlet slug, a
    /// framing term or a figure measure, all under 100 characters; a longer one only makes PostgreSQL compare it with
    /// every index entry and is echoed back into every paging link of the page.
    /// </summary>
    public const int MaxValueLength = 200;

    /// <summary>
    /// A search query (<c>q</c>) may be longer than other values so that search itself, not this guard, tells the reader
    /// that it reads at most <see cref="Core.Search.SearchQuery.MaxLength"/> characters and why.
    /// </summary>
    private const int MaxQueryLength = 4 * Core.Search.SearchQuery.MaxLength;

    /// <summary>
    /// The longest form or JSON field taken: an editor's note or reason is a few sentences. A longer text is not a note
    /// but an attempt to fill the audit trail.
    /// </summary>
    public const int MaxFieldLength = 2_000;

    /// <summary>The most items in a JSON list: a split names the articles of one story, a few hundred at most.</summary>
    public const int MaxListLength = 10_000;

    /// <summary>The largest JSON body read: ten thousand ids and a note are well under it.</summary>
    private const int MaxJsonBytes = 1 << 20;

    /// <summary>
    /// The days a date filter may name: far around any news this site holds, and away from the ends of the calendar, where
    /// a filter's "to the end of that day" (one day added) would overflow.
    /// </summary>
    private static readonly DateOnly FirstDay = new(1900, 1, 1), LastDay = new(2199, 12, 31);

    /// <summary>Where the error page, re-executed on the same request, finds what was wrong.</summary>
    public const string ProblemItem = "KazakhUnrest.InputProblem";

    /// <summary>A parameter with a fixed form, on the pages under <paramref name="Paths"/> (everywhere when there are none).</summary>
    private sealed record Rule(string Name, string[] Paths, Func<string, string?> Check)
    {
        public bool Covers(string name, PathString path) =>
            string.Equals(name, Name, StringComparison.OrdinalIgnoreCase) && (Paths.Length == 0 || Paths.Any(p => path.StartsWithSegments(p)));
    }

    /// <summary>What each query parameter with a fixed form must be; any other parameter is free text of a bounded length.</summary>
    private static readonly Rule[] Rules =
    [
        new("page", [], PageNumber),
        new("pageSize", [JsonApi.Prefix], v => Integer(v, 1, JsonApi.MaxPageSize)),
        new("p", [], PageNumber),
        // The start and length of a cited sentence in an article's text.
        new("s", ["/articles"], v => Integer(v, 0, int.MaxValue)),
        new("l", ["/articles"], v => Integer(v, 0, int.MaxValue)),
        // The status code the error page is re-executed with.
        new("code", ["/Error"], v => Integer(v, 100, 599)),
        new("day", [], Date),
        new("from", [], Date),
        new("to", [], Date),
        new("all", ["/stories"], v => bool.TryParse(v, out _) ? null : "must be true or false"),
        new("topic", ["/articles", "/articles.csv", "/articles.jsonl", "/api/articles", "/search", "/api/search"], OneOf("on", "off", "all")),
        new("sort", ["/search", "/api/search"], OneOf("relevance", "date")),
        new("view", ["/search", "/api/search"], OneOf("articles", "stories")),
        new("sort", ["/stories", "/stories.csv", "/stories.jsonl", "/api/stories"], OneOf("latest", "most", "most-covered")),
        new("by", ["/figures"], OneOf("source")),
        new("voice", ["/framing"], OneOf(Enum.GetNames<FramingVoice>())),
        new("kind", ["/entities"], OneOf(Enum.GetNames<EntityKind>())),
        new("kind", ["/timeline", "/timeline.csv", "/timeline.jsonl", "/api/timeline", "/framing"], OneOf(Enum.GetNames<OutletKind>())),
        new("tag", ["/articles", "/articles.csv", "/articles.jsonl", "/api/articles", "/stories", "/stories.csv", "/stories.jsonl", "/api/stories", "/timeline",
            "/timeline.csv", "/timeline.jsonl", "/api/timeline"],
            v => KazakhUnrest.Core.Tags.Tagging.IsSlug(v) ? null : "must be a tag's address: lower-case letters, digits and single hyphens"),
        // The kind of object in the audit log's filter ("kind" there is the kind of change, free text of object.action).
        new("type", ["/audit", "/api/audit"], OneOf([.. Core.Audit.AuditObjects.All])),
    ];

    /// <summary>Checks the path, query, form fields and JSON body; belongs before routing.</summary>
    public static WebApplication UseInputGuard(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            // The error page, re-executed for a refusal, gets the same body: it was judged once.
            var problem = http.Features.Get<IStatusCodeReExecuteFeature>() is not null
                ? null
                : Problem(http.Request) ?? await BodyProblemAsync(http.Request, http.RequestAborted);
            if (problem is null)
            {
                await next(http);
                return;
            }

            await RefuseAsync(http, problem);
        });
        return app;
    }

    /// <summary>Checks the route values the matched endpoint will bind (an entity id, a timeline reference); belongs after routing.</summary>
    public static WebApplication UseRouteValueGuard(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            foreach (var (name, value) in http.Request.RouteValues)
            {
                if (value is string text && ValueProblem(text, MaxValueLength) is { } problem)
                {
                    await RefuseAsync(http, $"the route value '{Shown(name)}' {problem}");
                    return;
                }
            }

            await next(http);
        });
        return app;
    }

    /// <summary>What is wrong with the request's path or query, or null when nothing is.</summary>
    public static string? Problem(HttpRequest request)
    {
        if (HasControl(request.Path.Value))
        {
            return "the path holds a control character";
        }

        foreach (var (name, values) in request.Query)
        {
            if (HasControl(name) || name.Length > MaxValueLength)
            {
                return $"the parameter '{Shown(name)}' has a name no page takes";
            }

            foreach (var value in values)
            {
                if (string.IsNullOrEmpty(value))
                {
                    // An empty value is an empty filter select: "any".
                    continue;
                }

                var problem = ValueProblem(value, string.Equals(name, "q", StringComparison.OrdinalIgnoreCase) ? MaxQueryLength : MaxValueLength)
                    ?? Rules.FirstOrDefault(r => r.Covers(name, request.Path))?.Check(value);
                if (problem is not null)
                {
                    return $"the parameter '{Shown(name)}' {problem}";
                }
            }
        }

        return null;
    }

    private static async Task<string?> BodyProblemAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                // The framework's form reader refuses a NUL byte and its own size limits without saying which field.
                return "the form holds a NUL byte or more or longer fields than any form of the site";
            }

            foreach (var (name, values) in form)
            {
                if (values.Select(v => FieldProblem(v ?? "")).FirstOrDefault(p => p is not null) is { } problem)
                {
                    return $"the form field '{Shown(name)}' {problem}";
                }
            }

            return null;
        }

        if (request.HasJsonContentType() && request.Path.StartsWithSegments("/api") && request.ContentLength is not 0)
        {
            return await JsonProblemAsync(request, ct);
        }

        return null;
    }

    private static async Task<string?> JsonProblemAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            return $"the body is larger than {MaxJsonBytes:N0} bytes";
        }

        // Read here and again by the endpoint.
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxJsonBytes);
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, ct);
            return JsonElementProblem(document.RootElement, "");
        }
        catch (JsonException)
        {
            return "the body is not well-formed JSON";
        }
        catch (IOException)
        {
            // EnableBuffering's limit, for a body that did not say its length.
            return $"the body is larger than {MaxJsonBytes:N0} bytes";
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string? JsonElementProblem(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                string value;
                try
                {
                    value = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    return $"the field '{Shown(path)}' holds half of a UTF-16 surrogate pair, which is not text";
                }

                return FieldProblem(value) is { } text ? $"the field '{Shown(path)}' {text}" : null;
            case JsonValueKind.Array:
                if (element.GetArrayLength() > MaxListLength)
                {
                    return $"the field '{Shown(path)}' lists more than {MaxListLength:N0} items";
                }

                return element.EnumerateArray().Select((item, i) => JsonElementProblem(item, $"{path}[{i}]")).FirstOrDefault(p => p is not null);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (HasControl(property.Name) || property.Name.Length > MaxValueLength)
                    {
                        return $"the field '{Shown(property.Name)}' has a name no endpoint takes";
                    }

                    if (JsonElementProblem(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static async Task RefuseAsync(HttpContext http, string problem)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Items[ProblemItem] = problem;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: "Bad request", detail: problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
        }
    }

    private static string? ValueProblem(string value, int maxLength) =>
        HasControl(value) ? "holds a control character"
        : value.Length > maxLength ? $"is longer than {maxLength} characters"
        : null;

    // A note may run over several lines; nothing else below a space belongs in text.
    private static string? FieldProblem(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? "holds a control character"
        : value.Length > MaxFieldLength ? $"is longer than {MaxFieldLength:N0} characters"
        : null;

    private static string? PageNumber(string value) => Integer(value, 1, MaxPage) is null ? null : $"must be a page number from 1 to {MaxPage:N0}";

    private static string? Integer(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? null
            : $"must be a whole number from {min:N0} to {max:N0}";

    private static string? Date(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= FirstDay && date <= LastDay
            ? null
            : $"must be a date written yyyy-mm-dd from {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}";

    private static Func<string, string?> OneOf(params string[] known) =>
        value => known.Contains(value, StringComparer.OrdinalIgnoreCase) ? null : $"must be one of {string.Join(", ", known)}";

    private static bool HasControl(string? value) => value is not null && value.Any(char.IsControl);

    // What the answer repeats of a hostile name: no control characters, not all of a long one.
    private static string Shown(string name) => new([.. name.Where(c => !char.IsControl(c)).Take(40)]);
}
