using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KazakhUnrest.Web.Shared;

/// <summary>Healthy when the database answers and has every migration this build knows.</summary>
internal sealed class DatabaseHealthCheck(KazakhDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("database unreachable");
            }

            var pending = await db.PendingMigrationsAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("database reachable, migrations current")
                : HealthCheckResult.Unhealthy($"migrations pending: {string.Join(", ", pending)}");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database error", e);
        }
    }

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
