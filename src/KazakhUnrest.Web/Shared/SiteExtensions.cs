using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Web.Accounts;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Serilog;
using Serilog.Events;

namespace KazakhUnrest.Web.Shared;

public static class SiteExtensions
{
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        // No static bootstrap logger: test hosts start in parallel and would fight over it.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            // EF logs a failed command before the exception reaches us; we log the exception with context instead.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .Enrich.With<Search.SavedSearchTokenRedaction>()
            .Enrich.WithProperty("Component", "web")
            .WriteTo.Console());
        return builder;
    }

    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>()
            .Bind(builder.Configuration.GetSection(SiteOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Pages live beside their feature's queries and endpoints (/Stories/Index.cshtml), not under /Pages.
        builder.Services.AddRazorPages(o => o.RootDirectory = "/");
        builder.Services.AddPageCache();
        builder.Services.AddResponseSize();
        // Much of the coverage is Cyrillic: written as characters, not &#x...; escapes (markup characters are still encoded).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseSecurityHeaders();
        // Outside the page cache, so the cache keeps one uncompressed copy for every client, whatever it accepts.
        app.UseResponseCompression();
        app.UseSerilogRequestLogging(o => o.EnrichDiagnosticContext = (context, http) =>
        {
            context.Set("UserAgent", http.Request.Headers.UserAgent.ToString());
            context.Set("ClientIp", http.Connection.RemoteIpAddress?.ToString());
        });
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseJsonApiErrors();
        app.UseInputGuard();
        app.UseStaticFiles(ResponseSize.StaticFiles());
        app.UseRouting();
        app.UseRouteValueGuard();
        // Before the page cache: it must know who is signed in, to never store or serve a signed-in person's page.
        app.UseAccounts();
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = DatabaseHealthCheck.WriteAsync });
        return app;
    }

    /// <summary>
    /// The site never migrates (one component does: the scraper's <c>migrate</c>); started against an
    /// older schema it says so and stops rather than failing on the first query.
    /// </summary>
    public static async Task<bool> DatabaseIsCurrentAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KazakhDbContext>();
        try
        {
            var pending = await db.PendingMigrationsAsync();
            if (pending.Count == 0)
            {
                return true;
            }

            app.Logger.LogCritical(
                "The database is behind: {MigrationCount} migrations not applied ({Migrations}). " +
                "Run `dotnet src/KazakhUnrest.Scraper/bin/Release/net10.0/KazakhUnrest.Scraper.dll migrate` " +
                "(or `./run.sh`, which migrates first), then start the site again.",
                pending.Count, string.Join(", ", pending));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            app.Logger.LogCritical(e, "Cannot reach the database {Database}: {Error}", db.Database.GetDbConnection().DataSource, e.Message);
        }

        return false;
    }
}
