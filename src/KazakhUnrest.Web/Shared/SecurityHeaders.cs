namespace KazakhUnrest.Web.Shared;

/// <summary>
/// Headers on every response that keep text from outside (article bodies, titles, links written by outlets) from
/// running in a reader's browser or the site from being framed. The site has only its own stylesheet and its own
/// script files (no inline script, no event attributes), so the policy can be strict: a script or style slipped into
/// a page is refused by the browser.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference page (<see cref="JsonApi.DocsPath"/>) is Scalar's: its loader is an inline script and its
    /// components set inline styles. It shows only our OpenAPI document, no outside text, and still loads nothing from
    /// another origin.
    /// </summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on https responses; a deployment behind TLS gets it, loopback http does not.
            app.UseHsts();
        }

        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(JsonApi.DocsPath) ? DocsContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Outlets learn that a reader came from here, not which page of ours (searches, filters) they were on.
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(http);
        });
        return app;
    }
}
