using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>
/// The checked-in sources file: outlets and what to fetch from each. Synced by name, so edits to a
/// location or outlet apply, and fetch state (validators, errors, schedule) survives.
/// </summary>
public static class SourcesFile
{
    private sealed record Entry(string Name, string Kind, string Location, string? Outlet, bool? Enabled);

    private sealed record Document(JsonElement Outlets, List<Entry> Sources);

    public static async Task<int> SyncAsync(KazakhDbContext db, string path, CancellationToken ct)
    {
        var json = await File.ReadAllTextAsync(path, ct);
        var document = JsonSerializer.Deserialize<Document>(json, OutletsFile.Json)
            ?? throw new InvalidDataException($"{path}: expected {{\"outlets\": [...], \"sources\": [...]}}");
        await OutletsFile.UpsertAsync(db, document.Outlets, path, isSample: false, ct);

        var outlets = await db.Outlets.ToDictionaryAsync(o => o.Slug, o => o.Id, ct);
        var existing = await db.Sources.ToDictionaryAsync(s => s.Name, ct);
        foreach (var entry in document.Sources)
        {
            if (!existing.TryGetValue(entry.Name, out var source))
            {
                source = new Source { Name = entry.Name, Location = entry.Location, CreatedAt = DateTimeOffset.UtcNow };
                db.Sources.Add(source);
            }

            source.Kind = ParseKind(entry.Kind, path);
            source.Location = entry.Location;
            source.Enabled = entry.Enabled ?? true;
            source.OutletId = entry.Outlet is null ? null
                : outlets.TryGetValue(entry.Outlet, out var id) ? id
                : throw new InvalidDataException($"{path}: source '{entry.Name}' names unknown outlet '{entry.Outlet}'");
        }

        await db.SaveChangesAsync(ct);
        return document.Sources.Count;
    }

    private static SourceKind ParseKind(string kind, string path) =>
        Enum.TryParse<SourceKind>(kind.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidDataException($"{path}: unknown source kind '{kind}' (expected feed, sitemap, archive_query or capture_folder)");
}
