using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// Read pages and their API twins kept in memory for a few seconds. Under the product's load (64 readers at once on
/// a two-core box) a page built per request queues behind the others; a page built once and served many times does
/// not. The scraper writes from another process, so entries only expire; an editor's correction, made here, evicts
/// them at once. Editors signed in and responses that set a cookie are never cached (the framework's default rules).
/// </summary>
public static class PageCache
{
    public const string Policy = "pages";
    public const string Tag = "pages";

    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<SiteOptions>>((cache, site) =>
        {
            var seconds = site.Value.PageCacheSeconds;
            cache.AddPolicy(Policy, b =>
            {
                if (seconds == 0)
                {
                    b.NoCache();
                }
                else
                {
                    b.Expire(TimeSpan.FromSeconds(seconds)).Tag(Tag);
                }
            });
        });
        return services;
    }

    /// <summary>After an editor's change, every page may show something else.</summary>
    public static Task EvictAsync(IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();
}
