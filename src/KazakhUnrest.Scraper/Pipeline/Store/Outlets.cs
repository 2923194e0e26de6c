using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Text;
using KazakhUnrest.Core.Urls;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>Pipeline step: which outlet published a page, creating an undescribed one for a new host.</summary>
public sealed class Outlets(KazakhDbContext db)
{
    private Dictionary<string, int>? _byHost;
    private Dictionary<string, int>? _byName;

    public async Task<int> ResolveAsync(Uri pageUrl, string? siteName, int? sourceOutletId, CancellationToken ct)
    {
        if (sourceOutletId is { } fromSource)
        {
            return fromSource;
        }

        await LoadAsync(ct);
        var host = pageUrl.Scheme is "http" or "https" ? HostKey.Of(pageUrl.Host) : null;
        if (host is not null && _byHost!.TryGetValue(host, out var id))
        {
            return id;
        }

        if (siteName is not null && _byName!.TryGetValue(siteName.Trim(), out id))
        {
            return id;
        }

        // A capture that names no site and has no web address could come from anywhere: each file is its own unnamed
        // outlet, since filing them all under one would tell the comparison page they are one outlet's coverage.
        var file = host is null && siteName is null ? CaptureFile(pageUrl) : null;
        var slug = Slug(host ?? siteName ?? "capture-" + file);
        var name = siteName?.Trim() ?? host ?? $"Unnamed outlet ({file})";
        // ON CONFLICT: another scraper process may create the same outlet at the same moment.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO outlets (name, slug, homepage, kind, is_sample) VALUES ({name}, {slug}, {(host is null ? null : $"https://{host}/")}, {nameof(OutletKind.Undescribed)}, false) ON CONFLICT (slug) DO NOTHING",
            ct);
        id = await db.Outlets.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync(ct);
        if (host is not null)
        {
            _byHost![host] = id;
        }

        return id;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (_byHost is not null)
        {
            return;
        }

        var outlets = await db.Outlets.AsNoTracking().Select(o => new { o.Id, o.Name, o.Homepage, o.Slug }).ToListAsync(ct);
        _byHost = new(StringComparer.OrdinalIgnoreCase);
        _byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var o in outlets)
        {
            if (o.Homepage is not null && Uri.TryCreate(o.Homepage, UriKind.Absolute, out var home))
            {
                _byHost.TryAdd(HostKey.Of(home.Host), o.Id);
            }

            _byName.TryAdd(o.Name, o.Id);
        }
    }

    private static string CaptureFile(Uri pageUrl)
    {
        var path = Uri.UnescapeDataString(pageUrl.AbsolutePath).Trim('/');
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Length > 0 ? name : "unknown";
    }

    // A site name with no Latin letter or digit has no slug of its own; such sites all meet at "outlet" (a known gap).
    private static string Slug(string text) => Slugs.From(text) is { Length: > 0 } slug ? slug : "outlet";
}
