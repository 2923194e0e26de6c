using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Entities;

/// <summary>An entity's names as the audit log, the API and a conflict message show them.</summary>
public sealed record AliasesState(string EntityId, IReadOnlyList<string> Names, IReadOnlyList<string> Removed);

/// <summary>A candidate name as the audit log, the API and a conflict message show it.</summary>
public sealed record CandidateState(long Id, string Name, EntityKind Kind, CandidateStatus Status, string? EntityId);

/// <summary>
/// Editors' corrections of entity linking: names added to or removed from an entity, and candidate names promoted to
/// entities or ignored. The entities step reads them on every run (<c>DatabaseMatcher.LoadAsync</c>), so
/// <c>reprocess</c> and <c>events rerun</c> apply them to every stored article; a removed gazetteer name is kept as a
/// removed row so the gazetteer sync does not bring it back.
/// </summary>
public static class EntityEditing
{
    public const int NameLength = 200;

    public static async Task<AliasesState?> AliasesAsync(KazakhDbContext db, string entityId, CancellationToken ct)
    {
        if (!await db.Entities.AnyAsync(e => e.Id == entityId, ct))
        {
            return null;
        }

        var rows = await db.EntityAliases.AsNoTracking().Where(a => a.EntityId == entityId).OrderBy(a => a.Name)
            .Select(a => new { a.Name, Removed = a.RemovedAt != null }).ToListAsync(ct);
        return new AliasesState(entityId, [.. rows.Where(r => !r.Removed).Select(r => r.Name)], [.. rows.Where(r => r.Removed).Select(r => r.Name)]);
    }

    public static async Task<AliasesState> AddAliasAsync(KazakhDbContext db, string actorId, string actorEmail, string entityId, string? name,
        bool isDescription, string? reason, CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        var alias = EditRefusedException.CheckText("the name", name, NameLength, required: true)!;
        var before = await AliasesAsync(db, entityId, ct) ?? throw EditRefusedException.NotFound($"no entity '{entityId}'");
        var row = await db.EntityAliases.FirstOrDefaultAsync(a => a.EntityId == entityId && a.Name == alias, ct);
        if (row is { RemovedAt: null })
        {
            throw EditRefusedException.Conflict($"'{alias}' is already a name of {entityId}", before);
        }

        var now = DateTimeOffset.UtcNow;
        if (row is null)
        {
            db.EntityAliases.Add(new EntityAlias { EntityId = entityId, Name = alias, IsDescription = isDescription, AddedBy = actorEmail, AddedAt = now });
        }
        else
        {
            // A name removed before comes back as the editor's: kept as the same row, so the unique name stays unique.
            (row.RemovedAt, row.RemovedBy, row.AddedBy, row.AddedAt, row.IsDescription) = (null, null, actorEmail, now, isDescription);
        }

        var after = before with { Names = [.. before.Names.Append(alias).Order(StringComparer.Ordinal)], Removed = [.. before.Removed.Where(r => r != alias)] };
        AuditLog.Record(db, actorId, actorEmail, "entity.alias-add", AuditObjects.Entity, entityId, before, after, reason, at: now);
        await SaveAsync(db, entityId, ct);
        return after;
    }

    /// <summary>Removes a name, the gazetteer's own or an editor's; the entity's main name stays.</summary>
    public static async Task<AliasesState> RemoveAliasAsync(KazakhDbContext db, string actorId, string actorEmail, string entityId, string? name,
        string? reason, CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        var alias = EditRefusedException.CheckText("the name", name, NameLength, required: true)!;
        var before = await AliasesAsync(db, entityId, ct) ?? throw EditRefusedException.NotFound($"no entity '{entityId}'");
        var row = await db.EntityAliases.FirstOrDefaultAsync(a => a.EntityId == entityId && a.Name == alias && a.RemovedAt == null, ct)
            ?? throw EditRefusedException.Conflict($"'{alias}' is not a name of {entityId} (any more)", before);
        (row.RemovedAt, row.RemovedBy) = (DateTimeOffset.UtcNow, actorEmail);
        var after = before with { Names = [.. before.Names.Where(n => n != alias)], Removed = [.. before.Removed.Append(alias).Order(StringComparer.Ordinal)] };
        AuditLog.Record(db, actorId, actorEmail, "entity.alias-remove", AuditObjects.Entity, entityId, before, after, reason, at: row.RemovedAt);
        await SaveAsync(db, entityId, ct);
        return after;
    }

    public static async Task<CandidateState?> CandidateAsync(KazakhDbContext db, long id, CancellationToken ct) =>
        await db.EntityCandidates.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CandidateState(c.Id, c.Name, c.Kind, c.Status, c.EntityId)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Makes an open candidate a new entity, or a name of <paramref name="asEntity"/>. Returns the entity's id.
    /// </summary>
    public static async Task<CandidateState> PromoteAsync(KazakhDbContext db, string actorId, string actorEmail, long candidateId, string? asEntity,
        EntityKind? kind, string? reason, CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        var row = await OpenCandidateAsync(db, candidateId, ct);
        var before = State(row);
        var target = string.IsNullOrWhiteSpace(asEntity) ? null : asEntity.Trim();
        var now = DateTimeOffset.UtcNow;
        if (target is not null)
        {
            if (!await db.Entities.AnyAsync(e => e.Id == target, ct))
            {
                throw EditRefusedException.Invalid($"no entity '{target}'");
            }

            var alias = await db.EntityAliases.FirstOrDefaultAsync(a => a.EntityId == target && a.Name == row.Name, ct);
            if (alias is null)
            {
                db.EntityAliases.Add(new EntityAlias { EntityId = target, Name = row.Name, AddedBy = actorEmail, AddedAt = now });
            }
            else if (alias.RemovedAt is not null)
            {
                (alias.RemovedAt, alias.RemovedBy, alias.AddedBy, alias.AddedAt) = (null, null, actorEmail, now);
            }
        }
        else
        {
            target = Slugs.From(row.Name);
            if (target.Length == 0)
            {
                throw EditRefusedException.Invalid($"'{row.Name}' has no Latin letter or digit to make an id of: promote it as a name of an existing entity");
            }

            if (await db.Entities.AnyAsync(e => e.Id == target, ct))
            {
                throw EditRefusedException.Invalid($"an entity '{target}' exists already: promote the name as one of its names");
            }

            var entityKind = kind ?? row.Kind;
            if (!Enum.IsDefined(entityKind))
            {
                throw EditRefusedException.Invalid("unknown entity kind");
            }

            db.Entities.Add(new Entity { Id = target, Kind = entityKind, Name = row.Name });
        }

        (row.Status, row.EntityId) = (CandidateStatus.Promoted, target);
        AuditLog.Record(db, actorId, actorEmail, "entity.candidate-promote", AuditObjects.Entity, target, before, State(row), reason,
            articleIds: [row.FirstArticleId], at: now);
        await SaveCandidateAsync(db, candidateId, ct);
        return State(row);
    }

    public static async Task<CandidateState> IgnoreAsync(KazakhDbContext db, string actorId, string actorEmail, long candidateId, string? reason,
        CancellationToken ct)
    {
        EditRefusedException.CheckReason(reason);
        var row = await OpenCandidateAsync(db, candidateId, ct);
        var before = State(row);
        row.Status = CandidateStatus.Ignored;
        AuditLog.Record(db, actorId, actorEmail, "entity.candidate-ignore", AuditObjects.Entity, $"candidate/{candidateId}", before, State(row),
            reason, articleIds: [row.FirstArticleId]);
        await SaveCandidateAsync(db, candidateId, ct);
        return State(row);
    }

    private static async Task<EntityCandidate> OpenCandidateAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        var row = await db.EntityCandidates.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw EditRefusedException.NotFound($"no candidate {id}");
        return row.Status == CandidateStatus.Open
            ? row
            : throw EditRefusedException.Conflict($"'{row.Name}' was {row.Status.ToString().ToLowerInvariant()} already", State(row));
    }

    private static CandidateState State(EntityCandidate c) => new(c.Id, c.Name, c.Kind, c.Status, c.EntityId);

    /// <summary>The status is checked again in the UPDATE itself, so of two editors deciding at once only one gets through.</summary>
    private static async Task SaveCandidateAsync(KazakhDbContext db, long candidateId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.EntityCandidates.Where(c => c.Id == candidateId && c.Status == CandidateStatus.Open)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Mentions, x => x.Mentions), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw EditRefusedException.Conflict("another editor decided on this name at the same time", await CandidateAsync(db, candidateId, ct));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task SaveAsync(KazakhDbContext db, string entityId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two editors adding the same name at once: the unique (entity, name) index lets one in.
            db.ChangeTracker.Clear();
            throw EditRefusedException.Conflict("another editor changed this entity's names at the same time", await AliasesAsync(db, entityId, ct));
        }
    }
}
