using System.Text.Json;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Core.Audit;

/// <summary>
/// Records a person's change in the same unit of work as the change itself: the caller adds the entry before its own
/// <c>SaveChangesAsync</c> (inside its transaction, if it has one), so a change is never stored without its entry or
/// the other way round.
/// </summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="before">The object's state before, serialised as JSON (an anonymous object is fine); null when created.</param>
    /// <param name="after">The state after; null when removed.</param>
    public static AuditEntry Record(KazakhDbContext db, string actorId, string actorEmail, string kind, string objectType, string objectId,
        object? before, object? after, string? reason, int count = 1, IReadOnlyCollection<long>? articleIds = null, DateTimeOffset? at = null)
    {
        var entry = new AuditEntry
        {
            At = at ?? DateTimeOffset.UtcNow,
            ActorId = actorId,
            ActorEmail = actorEmail,
            Kind = kind,
            ObjectType = objectType,
            ObjectId = objectId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Count = count,
            ArticleIds = articleIds is null ? [] : [.. articleIds.Order()],
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
