using System.Text.Json;
using System.Text.Json.Serialization;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Urls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>Outlet descriptions from a checked-in JSON file, upserted by slug.</summary>
public static partial class OutletsFile
{
    private sealed record Entry(string Name, string Slug, string? Homepage, string? Country, string? Kind, string? Language, string? Description);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<int> UpsertAsync(KazakhDbContext db, string path, bool isSample, ILogger logger, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return await UpsertAsync(db, document.RootElement, path, isSample, logger, ct);
    }

    public static async Task<int> UpsertAsync(KazakhDbContext db, JsonElement array, string path, bool isSample, ILogger logger, CancellationToken ct)
    {
        var entries = array.ValueKind == JsonValueKind.Array
            ? array.Deserialize<List<Entry>>(Json)!
            : throw new InvalidDataException($"{path}: expected a JSON array of outlets");
        var existing = await db.Outlets.ToDictionaryAsync(o => o.Slug, ct);
        foreach (var e in entries)
        {
            if (!existing.TryGetValue(e.Slug, out var outlet))
            {
                outlet = new Outlet { Name = e.Name, Slug = e.Slug };
                db.Outlets.Add(outlet);
            }

            outlet.Name = e.Name;
            outlet.Homepage = Homepage(e, path, logger);
            // What an editor described wins over the file: the file is where the description started, not its owner.
            var edited = outlet.EditedFields;
            var kind = ParseKind(e.Kind, path);
            if (!edited.Contains(OutletFields.Country))
            {
                outlet.Country = e.Country?.ToUpperInvariant();
            }

            if (!edited.Contains(OutletFields.Kind))
            {
                outlet.Kind = kind;
            }

            if (!edited.Contains(OutletFields.Language))
            {
                outlet.Language = e.Language;
            }

            if (!edited.Contains(OutletFields.Description))
            {
                outlet.Description = e.Description;
            }

            outlet.IsSample = isSample;
        }

        await db.SaveChangesAsync(ct);
        return entries.Count;
    }

    // The homepage becomes a link on the site: a javascript: or data: one is dropped, the outlet is kept.
    private static string? Homepage(Entry e, string path, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(e.Homepage))
        {
            return null;
        }

        if (WebAddress.TryParse(e.Homepage, out _))
        {
            return e.Homepage;
        }

        LogHomepageDropped(logger, e.Slug, path, e.Homepage);
        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Outlet {OutletSlug} in {Path}: homepage {Homepage} is not an http(s) address; stored without one")]
    private static partial void LogHomepageDropped(ILogger logger, string outletSlug, string path, string homepage);

    /// <summary>Accepts the file's snake_case ("wire_agency") as well as the enum's own names.</summary>
    internal static OutletKind ParseKind(string? kind, string path)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return OutletKind.Undescribed;
        }

        return Enum.TryParse<OutletKind>(kind.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidDataException($"{path}: unknown outlet kind '{kind}' (expected one of {string.Join(", ", Enum.GetNames<OutletKind>())})");
    }
}
