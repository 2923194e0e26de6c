using System.Text.Json;
using System.Text.Json.Serialization;
using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>Outlet descriptions from a checked-in JSON file, upserted by slug.</summary>
public static class OutletsFile
{
    private sealed record Entry(string Name, string Slug, string? Homepage, string? Country, string? Kind, string? Language, string? Description);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<int> UpsertAsync(KazakhDbContext db, string path, bool isSample, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return await UpsertAsync(db, document.RootElement, path, isSample, ct);
    }

    public static async Task<int> UpsertAsync(KazakhDbContext db, JsonElement array, string path, bool isSample, CancellationToken ct)
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
            outlet.Homepage = e.Homepage;
            outlet.Country = e.Country?.ToUpperInvariant();
            outlet.Kind = ParseKind(e.Kind, path);
            outlet.Language = e.Language;
            outlet.Description = e.Description;
            outlet.IsSample = isSample;
        }

        await db.SaveChangesAsync(ct);
        return entries.Count;
    }

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
