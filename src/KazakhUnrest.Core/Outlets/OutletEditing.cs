using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Outlets;

/// <summary>What an editor says an outlet is.</summary>
public sealed record OutletDescription(OutletKind Kind, string? Country, string? Language, string? Description);

/// <summary>An outlet as the audit log, the API and a conflict message show it.</summary>
public sealed record OutletState(string Slug, string Name, OutletKind Kind, string? Country, string? Language, string? Description,
    IReadOnlyList<string> EditedFields, uint Version);

/// <summary>
/// Editors describing an outlet. The fields an editor set are remembered on the outlet, and the outlets file skips
/// them on later imports, so the file does not undo the editor's word.
/// </summary>
public static class OutletEditing
{
    public const int DescriptionLength = 2_000;

    public static async Task<OutletState?> StateAsync(KazakhDbContext db, string slug, CancellationToken ct) =>
        await db.Outlets.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new OutletState(o.Slug, o.Name, o.Kind, o.Country, o.Language, o.Description, o.EditedFields, EF.Property<uint>(o, "xmin")))
            .FirstOrDefaultAsync(ct);

    /// <param name="version">The version the editor read; an outlet changed since is refused with its current state.</param>
    public static async Task<OutletState> DescribeAsync(KazakhDbContext db, string actorId, string actorEmail, string slug, uint version,
        OutletDescription input, string? reason, CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        if (!Enum.IsDefined(input.Kind))
        {
            throw EditRefusedException.Invalid("unknown outlet kind");
        }

        var country = EditRefusedException.CheckText("the country", input.Country, 2)?.ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            throw EditRefusedException.Invalid("the country is a two-letter ISO 3166 code (KZ, RU)");
        }

        var language = EditRefusedException.CheckText("the language", input.Language, 3)?.ToLowerInvariant();
        if (language is not null && (language.Length < 2 || !language.All(char.IsAsciiLetterLower)))
        {
            throw EditRefusedException.Invalid("the language is an ISO 639 code (ru, kk, en)");
        }

        var description = EditRefusedException.CheckText("the description", input.Description, DescriptionLength, multiline: true);
        var outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Slug == slug, ct) ?? throw EditRefusedException.NotFound($"no outlet '{slug}'");
        var entry = db.Entry(outlet).Property<uint>("xmin");
        if (entry.CurrentValue != version)
        {
            throw EditRefusedException.Conflict("the outlet was changed since you opened it", State(outlet, entry.CurrentValue));
        }

        var before = State(outlet, version);
        var changed = new List<string>();
        Set(OutletFields.Kind, outlet.Kind, input.Kind, v => outlet.Kind = v);
        Set(OutletFields.Country, outlet.Country, country, v => outlet.Country = v);
        Set(OutletFields.Language, outlet.Language, language, v => outlet.Language = v);
        Set(OutletFields.Description, outlet.Description, description, v => outlet.Description = v);
        if (changed.Count == 0)
        {
            return before;
        }

        outlet.EditedFields = [.. outlet.EditedFields.Union(changed).Order(StringComparer.Ordinal)];
        AuditLog.Record(db, actorId, actorEmail, "outlet.describe", AuditObjects.Outlet, slug, before with { Version = 0 },
            State(outlet, 0), reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw EditRefusedException.Conflict("another editor changed the outlet at the same time", await StateAsync(db, slug, ct));
        }

        return State(outlet, entry.CurrentValue);

        void Set<T>(string field, T current, T wanted, Action<T> set)
        {
            if (!EqualityComparer<T>.Default.Equals(current, wanted))
            {
                set(wanted);
                changed.Add(field);
            }
        }
    }

    private static OutletState State(Outlet o, uint version) =>
        new(o.Slug, o.Name, o.Kind, o.Country, o.Language, o.Description, [.. o.EditedFields], version);
}
