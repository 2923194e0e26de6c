using System.Globalization;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// Refuses query strings and paths no reader types, before any page or endpoint sees them: control characters (a NUL
/// byte makes PostgreSQL refuse the whole query) and page numbers out of range (a huge one overflowed the offset). The
/// answer is 400 naming the parameter: problem+json under /api, the site's error page elsewhere.
/// </summary>
public static class InputGuard
{
    // Far beyond any list's last page at any collection size this site serves; multiplying by a page size stays in range.
    private const int MaxPage = 1_000_000;

    private static readonly string[] PageParameters = ["page", "p"];

    /// <summary>Where the error page, re-executed on the same request, finds what was wrong.</summary>
    public const string ProblemItem = "KazakhUnrest.InputProblem";

    public static WebApplication UseInputGuard(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (Problem(http.Request) is not { } problem)
            {
                await next(http);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Items[ProblemItem] = problem;
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(title: "Bad request", detail: problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            }
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
            if (HasControl(name) || values.Any(HasControl))
            {
                return $"the parameter '{Shown(name)}' holds a control character";
            }

            if (PageParameters.Contains(name, StringComparer.OrdinalIgnoreCase)
                && values.Any(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page is < 1 or > MaxPage))
            {
                return $"the parameter '{name}' must be a page number from 1 to {MaxPage:N0}";
            }
        }

        return null;
    }

    private static bool HasControl(string? value) => value is not null && value.Any(char.IsControl);

    private static string Shown(string name) => new([.. name.Where(c => !char.IsControl(c)).Take(40)]);
}
