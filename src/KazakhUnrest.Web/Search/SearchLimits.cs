using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace KazakhUnrest.Web.Search;

/// <summary>
/// How many searches run at once. A search over a large collection holds a database connection and most of a core for
/// a few hundred milliseconds; running more at once than the machine has cores only makes every one of them slower,
/// until they run into the database's command timeout and fail. The rest wait in line, and beyond the line a reader
/// gets 503 with Retry-After instead of a page that never comes.
/// </summary>
public sealed class SearchLimits
{
    public const string Section = "Search";
    public const string Policy = "search";

    /// <summary>Searches running at once; 0 means twice the processor count (one waiting on the database per one computing).</summary>
    [Range(0, 256)]
    public int MaxConcurrent { get; set; }

    /// <summary>Searches waiting for a turn: the concurrent readers of a newsroom's tool, several times over.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; } = 512;

    public int Concurrent => MaxConcurrent > 0 ? MaxConcurrent : 2 * Environment.ProcessorCount;
}

public static class SearchLimitsExtensions
{
    /// <summary>A search refused for a full line is told when to come back; the line empties within seconds.</summary>
    private const int RetryAfterSeconds = 5;

    public static IServiceCollection AddSearchLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchLimits>().Bind(configuration.GetSection(SearchLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        var limits = configuration.GetSection(SearchLimits.Section).Get<SearchLimits>() ?? new SearchLimits();
        // The site's one rate-limiting middleware (placed by UseAccounts) applies this policy; its answer to a refusal
        // is the policy's own, so the sign-in limit keeps its 429.
        services.AddRateLimiter(o => o.AddPolicy(SearchLimits.Policy, new SearchConcurrency(limits)));
        return services;
    }

    private sealed class SearchConcurrency(SearchLimits limits) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };

        // One partition: the line is the machine's, whoever is asking.
        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetConcurrencyLimiter(SearchLimits.Policy, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.Concurrent,
                QueueLimit = limits.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
    }
}
