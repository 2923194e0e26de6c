using System.Text;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KazakhUnrest.Core.Tags;

public enum TagProblem
{
    Invalid,
    NotFound,
    Duplicate,
}

/// <summary>An edit refused, with what to tell the editor; <see cref="Problem"/> picks the answer (400, 404, 409).</summary>
public sealed class TagException(TagProblem problem, string message) : Exception(message)
{
    public TagProblem Problem { get; } = problem;
}

/// <summary>The changes an editor may make to a tag; null leaves a field as it is.</summary>
public sealed record TagChange(string? Name, string? Description, bool? Retired);

/// <summary>What one add or remove did: how many it asked for and how many actually changed.</summary>
public sealed record TaggingResult(int Requested, int Changed);

/// <summary>
/// Every write to tags, each with its audit entry in the same transaction. Adding a tag already there and removing one
/// that is not are no-ops (counted as 0 changed, and no audit entry, since nothing changed).
/// </summary>
public static class Tagging
{
    /// <summary>
    /// Slugs the site's own pages hold: <c>/tags/edit</c> is the editing page, which the route table prefers to a tag of
    /// that slug, so such a tag could never be opened.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal) { "edit" };

    /// <summary>"Death toll" → "death-toll": letters and digits of any script, lower case, joined by single hyphens.</summary>
    public static string SlugOf(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().TrimEnd('-');
        return slug.Length > TagLimits.Slug ? slug[..TagLimits.Slug].TrimEnd('-') : slug;
    }

    /// <summary>True for what <see cref="SlugOf"/> makes: the form the site's <c>tag=</c> parameters accept.</summary>
    public static bool IsSlug(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= TagLimits.Slug && value[0] != '-' && value[^1] != '-' && !value.Contains("--", StringComparison.Ordinal)
        && value.All(c => c == '-' || (char.IsLetterOrDigit(c) && !char.IsUpper(c)));

    public static async Task<Tag> FindAsync(KazakhDbContext db, string slug, CancellationToken ct) =>
        await db.Tags.SingleOrDefaultAsync(t => t.Slug == slug, ct) ?? throw new TagException(TagProblem.NotFound, $"there is no tag '{slug}'");

    public static async Task<Tag> CreateAsync(KazakhDbContext db, string? name, string? slug, string? description, string actorId, string actorEmail,
        CancellationToken ct)
    {
        name = CheckName(name);
        if (string.IsNullOrWhiteSpace(slug))
        {
            // A tag named "Edit" is still possible; only the address it would have had is taken.
            slug = SlugOf(name);
            slug = ReservedSlugs.Contains(slug) ? slug + "-tag" : slug;
        }
        else
        {
            slug = slug.Trim();
        }

        if (!IsSlug(slug))
        {
            throw new TagException(TagProblem.Invalid, string.IsNullOrEmpty(SlugOf(name))
                ? "the name has no letter or digit to make the tag's address from"
                : $"the slug must be lower-case letters, digits and single hyphens, at most {TagLimits.Slug} characters");
        }

        if (ReservedSlugs.Contains(slug))
        {
            throw new TagException(TagProblem.Invalid, $"the address '{slug}' belongs to a page of the site; choose another slug");
        }

        if (await db.Tags.AnyAsync(t => t.Slug == slug, ct))
        {
            throw new TagException(TagProblem.Duplicate, $"a tag with the address '{slug}' exists");
        }

        await CheckNameFreeAsync(db, name, null, ct);
        var now = DateTimeOffset.UtcNow;
        var tag = new Tag { Name = name, Slug = slug, Description = CheckDescription(description), CreatedAt = now, UpdatedAt = now };
        db.Tags.Add(tag);
        AuditLog.Record(db, actorId, actorEmail, "tag.create", AuditObjects.Tag, slug, null, State(tag), null, at: now);
        await SaveAsync(db, ct);
        return tag;
    }

    /// <summary>Renames, describes, retires or brings back a tag; its slug stays.</summary>
    public static async Task<Tag> UpdateAsync(KazakhDbContext db, string slug, TagChange change, string actorId, string actorEmail, string? reason,
        CancellationToken ct)
    {
        var tag = await FindAsync(db, slug, ct);
        var before = State(tag);
        var kinds = new List<string>();
        if (change.Name is not null && CheckName(change.Name) is var name && name != tag.Name)
        {
            await CheckNameFreeAsync(db, name, tag.Id, ct);
            tag.Name = name;
            kinds.Add("tag.rename");
        }

        if (change.Description is not null && CheckDescription(change.Description) is var description && description != tag.Description)
        {
            tag.Description = description;
            kinds.Add("tag.describe");
        }

        if (change.Retired is { } retired && retired != tag.Retired)
        {
            tag.Retired = retired;
            kinds.Add(retired ? "tag.retire" : "tag.restore");
        }

        if (kinds.Count == 0)
        {
            return tag;
        }

        tag.UpdatedAt = DateTimeOffset.UtcNow;
        AuditLog.Record(db, actorId, actorEmail, kinds.Count == 1 ? kinds[0] : "tag.update", AuditObjects.Tag, slug, before, State(tag), reason, at: tag.UpdatedAt);
        await SaveAsync(db, ct);
        return tag;
    }

    /// <summary>
    /// Puts the tag on the articles; one audit entry for the whole action (<c>tag.bulk-add</c> on the tag, or
    /// <c>article.tag</c> on the article when one was asked for), naming the articles that gained it.
    /// </summary>
    /// <param name="selection">How the articles were chosen (ids, or the filter the server expanded), kept in the audit entry.</param>
    public static async Task<TaggingResult> AddToArticlesAsync(KazakhDbContext db, Tag tag, IReadOnlyCollection<long> articleIds, object selection,
        string actorId, string actorEmail, string? reason, CancellationToken ct)
    {
        var requested = CheckArticles(articleIds);
        if (tag.Retired)
        {
            throw new TagException(TagProblem.Invalid, $"the tag '{tag.Slug}' is retired and cannot be put on more articles");
        }

        var now = DateTimeOffset.UtcNow;
        return await ChangeArticlesAsync(db, requested, async () => await db.Database.SqlQuery<long>($"""
            INSERT INTO article_tags (tag_id, article_id, added_at, added_by)
            SELECT {tag.Id}, a.id, {now}, {actorEmail} FROM articles a WHERE a.id = ANY({requested})
            ON CONFLICT DO NOTHING
            RETURNING article_id AS "Value"
            """).ToListAsync(ct), changed => Record(db, tag, "add", requested, changed, selection, actorId, actorEmail, reason, now), ct);
    }

    /// <summary>Takes the tag off the articles; audited as <see cref="AddToArticlesAsync"/> is.</summary>
    public static async Task<TaggingResult> RemoveFromArticlesAsync(KazakhDbContext db, Tag tag, IReadOnlyCollection<long> articleIds, object selection,
        string actorId, string actorEmail, string? reason, CancellationToken ct)
    {
        var requested = CheckArticles(articleIds);
        var now = DateTimeOffset.UtcNow;
        return await ChangeArticlesAsync(db, requested, async () => await db.Database.SqlQuery<long>($"""
            DELETE FROM article_tags WHERE tag_id = {tag.Id} AND article_id = ANY({requested})
            RETURNING article_id AS "Value"
            """).ToListAsync(ct), changed => Record(db, tag, "remove", requested, changed, selection, actorId, actorEmail, reason, now), ct);
    }

    /// <summary>
    /// Puts the tag on the stories (merged stories count as the story they went into); the tag is held by the story's
    /// headline article, so it follows the story through re-clustering.
    /// </summary>
    public static async Task<TaggingResult> AddToStoriesAsync(KazakhDbContext db, Tag tag, IReadOnlyCollection<long> storyIds, string actorId,
        string actorEmail, string? reason, CancellationToken ct)
    {
        var requested = CheckStories(storyIds);
        if (tag.Retired)
        {
            throw new TagException(TagProblem.Invalid, $"the tag '{tag.Slug}' is retired and cannot be put on more stories");
        }

        var now = DateTimeOffset.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = new List<long>();
        foreach (var id in requested)
        {
            var story = await FinalStoryAsync(db, id, ct);
            if (changed.Contains(story.Id) || await db.StoryTags.AnyAsync(s => s.TagId == tag.Id && s.Article.StoryId == story.Id, ct))
            {
                continue;
            }

            var anchor = story.HeadlineArticleId is { } headline && await db.Articles.AnyAsync(a => a.Id == headline && a.StoryId == story.Id, ct)
                ? headline
                : await db.Articles.Where(a => a.StoryId == story.Id).OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct)
                  ?? throw new TagException(TagProblem.Invalid, $"story {story.Id} holds no article to keep the tag");
            // A tag removed from an earlier story may still sit on this article; it is taken over.
            await db.StoryTags.Where(s => s.TagId == tag.Id && s.ArticleId == anchor).ExecuteDeleteAsync(ct);
            db.StoryTags.Add(new StoryTag { TagId = tag.Id, ArticleId = anchor, TaggedStoryId = story.Id, AddedAt = now, AddedBy = actorEmail });
            changed.Add(story.Id);
        }

        RecordStories(db, tag, "add", requested, changed, actorId, actorEmail, reason, now);
        await SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new TaggingResult(requested.Length, changed.Count);
    }

    public static async Task<TaggingResult> RemoveFromStoriesAsync(KazakhDbContext db, Tag tag, IReadOnlyCollection<long> storyIds, string actorId,
        string actorEmail, string? reason, CancellationToken ct)
    {
        var requested = CheckStories(storyIds);
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = new List<long>();
        foreach (var id in requested)
        {
            var story = await FinalStoryAsync(db, id, ct);
            if (await db.StoryTags.Where(s => s.TagId == tag.Id && s.Article.StoryId == story.Id).ExecuteDeleteAsync(ct) > 0)
            {
                changed.Add(story.Id);
            }
        }

        RecordStories(db, tag, "remove", requested, changed, actorId, actorEmail, reason, now);
        await SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new TaggingResult(requested.Length, changed.Count);
    }

    private static async Task<TaggingResult> ChangeArticlesAsync(KazakhDbContext db, long[] requested, Func<Task<List<long>>> change,
        Action<List<long>> record, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await change();
        record(changed);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new TaggingResult(requested.Length, changed.Count);
    }

    private static void Record(KazakhDbContext db, Tag tag, string action, long[] requested, List<long> changed, object selection, string actorId,
        string actorEmail, string? reason, DateTimeOffset now)
    {
        if (changed.Count == 0)
        {
            return;
        }

        if (requested.Length == 1)
        {
            var tagged = action == "add";
            AuditLog.Record(db, actorId, actorEmail, tagged ? "article.tag" : "article.untag", AuditObjects.Article, changed[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { tag = tag.Slug, tagged = !tagged }, new { tag = tag.Slug, tagged }, reason, 1, changed, now);
            return;
        }

        AuditLog.Record(db, actorId, actorEmail, $"tag.bulk-{action}", AuditObjects.Tag, tag.Slug, null,
            new { tag = tag.Slug, selection, requested = requested.Length, changed = changed.Count }, reason, changed.Count, changed, now);
    }

    private static void RecordStories(KazakhDbContext db, Tag tag, string action, long[] requested, List<long> changed, string actorId, string actorEmail,
        string? reason, DateTimeOffset now)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var tagged = action == "add";
        if (requested.Length == 1)
        {
            AuditLog.Record(db, actorId, actorEmail, tagged ? "story.tag" : "story.untag", AuditObjects.Story, changed[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { tag = tag.Slug, tagged = !tagged }, new { tag = tag.Slug, tagged }, reason, at: now);
            return;
        }

        AuditLog.Record(db, actorId, actorEmail, $"tag.bulk-{action}-stories", AuditObjects.Tag, tag.Slug, null,
            new { tag = tag.Slug, stories = changed, requested = requested.Length, changed = changed.Count }, reason, changed.Count, at: now);
    }

    private static async Task<Story> FinalStoryAsync(KazakhDbContext db, long id, CancellationToken ct)
    {
        // Merge chains are short; the cap guards against a cycle.
        for (var hops = 0; hops < 16; hops++)
        {
            var story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct)
                ?? throw new TagException(TagProblem.NotFound, $"there is no story {id}");
            if (story.MergedIntoId is not { } next)
            {
                return story;
            }

            id = next;
        }

        throw new TagException(TagProblem.Invalid, $"story {id} is merged in a loop");
    }

    private static long[] CheckArticles(IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? throw new TagException(TagProblem.Invalid, "select at least one article") : [.. ids.Distinct().Order()];

    private static long[] CheckStories(IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? throw new TagException(TagProblem.Invalid, "select at least one story") : [.. ids.Distinct().Order()];

    private static string CheckName(string? name)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new TagException(TagProblem.Invalid, "a tag needs a name");
        }

        return name.Length > TagLimits.Name
            ? throw new TagException(TagProblem.Invalid, $"a tag's name is at most {TagLimits.Name} characters")
            : name;
    }

    private static string? CheckDescription(string? description)
    {
        description = description?.Trim();
        return description?.Length > TagLimits.Description
            ? throw new TagException(TagProblem.Invalid, $"a tag's description is at most {TagLimits.Description} characters")
            : string.IsNullOrEmpty(description) ? null : description;
    }

    private static async Task CheckNameFreeAsync(KazakhDbContext db, string name, int? except, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        if (await db.Tags.AnyAsync(t => t.Name.ToLower() == lower && t.Id != except, ct))
        {
            throw new TagException(TagProblem.Duplicate, $"a tag named '{name}' exists");
        }
    }

    // Two editors creating the same tag at once: the unique indexes decide, and the loser hears it as a duplicate.
    private static async Task SaveAsync(KazakhDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new TagException(TagProblem.Duplicate, "a tag with this name or address exists");
        }
    }

    private static object State(Tag tag) => new { tag.Name, tag.Slug, tag.Description, tag.Retired };
}
