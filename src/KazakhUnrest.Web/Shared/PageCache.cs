using System.Buffers;
using System.IO.Pipelines;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Database;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// Read pages and their API twins kept in memory for a few seconds. Under the product's load (64 readers at once on
/// a two-core box) a page built per request queues behind the others; a page built once and served many times does
/// not. Editors signed in and responses that set a cookie are never cached (the framework's default rules, after
/// <c>UseAccounts</c>), so an editor always sees fresh pages. A change empties the cache of every site instance:
/// an editor's correction through <see cref="EvictAsync"/>, the scraper's new articles after its catch-up, both by a
/// PostgreSQL notice (<see cref="PageChanges"/>) that <see cref="PageCacheListener"/> hears in each instance. Entries
/// still expire after <see cref="SiteOptions.PageCacheSeconds"/>, the bound on staleness should a notice be missed.
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

        // The framework's memory store, wrapped so an eviction here reaches the other instances too.
        var memory = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(memory);
        services.AddSingleton(sp => new PageCacheStore(Create(memory, sp), sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<ILogger<PageCacheStore>>()));
        services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<PageCacheStore>());
        services.AddHostedService<PageCacheListener>();
        return services;
    }

    /// <summary>After an editor's change, every page may show something else, on this instance and every other.</summary>
    public static Task EvictAsync(IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();

    private static IOutputCacheStore Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IOutputCacheStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

/// <summary>
/// This instance's pages in memory. Evicting by tag empties them here at once (an editor's next reader on this
/// instance sees the change without waiting for a notice) and tells every instance, this one included, through
/// <see cref="PageChanges"/>; <see cref="EvictLocallyAsync"/> is what a notice does.
/// </summary>
public sealed partial class PageCacheStore(IOutputCacheStore memory, IServiceScopeFactory scopes, ILogger<PageCacheStore> logger)
    : IOutputCacheStore, IOutputCacheBufferStore
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await memory.EvictByTagAsync(tag, cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await PageChanges.PublishAsync(scope.ServiceProvider.GetRequiredService<KazakhDbContext>(), cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            // The change itself is committed: failing the editor's request now would only invite a second, duplicate
            // change. The other instances show it when their pages expire.
            LogNotPublished(logger, DatabaseOutage.Reason(e));
        }
    }

    /// <summary>Empties this instance's pages only: a notice from another instance (or this one) came in.</summary>
    public ValueTask EvictLocallyAsync(CancellationToken ct) => memory.EvictByTagAsync(PageCache.Tag, ct);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => memory.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        memory.SetAsync(key, value, tags, validFor, cancellationToken);

    // The framework's memory store reads and writes through pipes without copying; keep that path.
    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (memory is IOutputCacheBufferStore buffers)
        {
            return await buffers.TryGetAsync(key, destination, cancellationToken);
        }

        if (await memory.GetAsync(key, cancellationToken) is not { } bytes)
        {
            return false;
        }

        await destination.WriteAsync(bytes, cancellationToken);
        return true;
    }

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        memory is IOutputCacheBufferStore buffers
            ? buffers.SetAsync(key, value, tags, validFor, cancellationToken)
            : memory.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);

    [LoggerMessage(LogLevel.Warning, "Could not tell the other site instances to drop their cached pages ({Reason}); they show the change when their pages expire")]
    private static partial void LogNotPublished(ILogger logger, string reason);
}
