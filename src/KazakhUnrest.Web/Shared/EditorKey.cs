using System.Security.Cryptography;
using System.Text;

namespace KazakhUnrest.Web.Shared;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Shared secret for the editing endpoints until editor accounts exist; sent as X-Api-Key. Unset
    /// means the API is read-only.
    /// </summary>
    public string? EditorKey { get; set; }
}

/// <summary>Lets an editing endpoint run only for a caller holding the configured editor key.</summary>
public sealed class EditorKeyFilter(Microsoft.Extensions.Options.IOptions<ApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.EditorKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem("Editing through the API is disabled: set Api:EditorKey.", statusCode: StatusCodes.Status403Forbidden);
        }

        var given = context.HttpContext.Request.Headers["X-Api-Key"].ToString();
        // Fixed-time comparison: the key must not leak through response timing.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected))
            ? await next(context)
            : TypedResults.Problem("Missing or wrong X-Api-Key.", statusCode: StatusCodes.Status401Unauthorized);
    }
}
