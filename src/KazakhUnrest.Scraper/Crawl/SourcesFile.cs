using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Urls;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Crawl;

/// <summary>
/// The checked-in sources file: outlets and what to fetch from each. Synced by name, so edits to a
/// location or outlet apply, and fetch state (validators, errors, schedule) survives.
/// </summary>
public static partial class SourcesFile
{
    private sealed record Entry(string Name, string Kind, string Location, string? Outlet, bool? Enabled);

    private sealed record Document(JsonElement Outlets, List<Entry> Sources);

    /// <returns>How many sources were synced (a source dropped for its location is not counted).</returns>
    public static async Task<int> SyncAsync(KazakhDbContext db, string path, ILogger logger, CancellationToken ct)
    {
        var json = await File.ReadAllTextAsync(path, ct);
        var document = JsonSerializer.Deserialize<Document>(json, OutletsFile.Json)
            ?? throw new InvalidDataException($"{path}: expected {{\"outlets\": [...], \"sources\": [...]}}");
        await OutletsFile.UpsertAsync(db, document.Outlets, path, isSample: false, logger, ct);

        var outlets = await db.Outlets.ToDictionaryAsync(o => o.Slug, o => o.Id, ct);
        var existing = await db.Sources.ToDictionaryAsync(s => s.Name, ct);
        var synced = 0;
        foreach (var entry in document.Sources)
        {
            var kind = ParseKind(entry.Kind, path);
            if (kind is SourceKind.Feed or SourceKind.Sitemap && !WebAddress.TryParse(entry.Location, out _))
            {
                // Fetched, and shown on the status page: only a web address. One already stored keeps its last good
                // location and stops running until the file is fixed.
                LogSourceDropped(logger, entry.Name, path, entry.Location);
                if (existing.TryGetValue(entry.Name, out var stale))
                {
                    stale.Enabled = false;
                }

                continue;
            }

            synced++;
            if (!existing.TryGetValue(entry.Name, out var source))
            {
                source = new Source { Name = entry.Name, Location = entry.Location, CreatedAt = DateTimeOffset.UtcNow };
                db.Sources.Add(source);
            }

            source.Kind = kind;
            source.Location = entry.Location;
            source.Enabled = entry.Enabled ?? true;
            source.OutletId = entry.Outlet is null ? null
                : outlets.TryGetValue(entry.Outlet, out var id) ? id
                : throw new InvalidDataException($"{path}: source '{entry.Name}' names unknown outlet '{entry.Outlet}'");
        }

        await db.SaveChangesAsync(ct);
        return synced;
    }

    [LoggerMessage(LogLevel.Warning, "Source {SourceName} in {Path}: location {Location} is not an http(s) address; not synced")]
    private static partial void LogSourceDropped(ILogger logger, string sourceName, string path, string location);

    private static SourceKind ParseKind(string kind, string path) =>
        Enum.TryParse<SourceKind>(kind.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidDataException($"{path}: unknown source kind '{kind}' (expected feed, sitemap, archive_query or capture_folder)");
}
