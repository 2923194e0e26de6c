using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using Microsoft.EntityFrameworkCore;
using CandidateRow = KazakhUnrest.Core.Data.EntityCandidate;

namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Step 8, entities: the countries, people, organisations and places an article names, in any script or spelling
/// (the gazetteer plus editors' aliases, see <see cref="EntityDirectory"/>), and names that look like people or
/// organisations nobody knows yet, counted as candidates for editors.
/// </summary>
public static class EntitiesStep
{
    public static void Read(ArticleInHand article, EntityMatcher matcher, ReadingBatch batch)
    {
        article.Mentions = matcher.Find(article.Text);
        article.TitleMentions = matcher.Find(article.Title);
        batch.Entities.AddRange(Rows(article.Id, article.Mentions, article.TitleMentions));
        foreach (var candidate in matcher.Candidates(article.Text, article.Mentions))
        {
            Count(batch.Candidates, candidate, article.Id);
        }
    }

    public static async Task SaveAsync(KazakhDbContext db, ReadingBatch batch, CancellationToken ct)
    {
        await EntityDirectory.EnsureAsync(db, batch.Entities.Select(e => e.EntityId), ct);
        db.ArticleEntities.AddRange(batch.Entities);
        await SaveCandidatesAsync(db, batch.Candidates.Values, ct);
    }

    private static IEnumerable<ArticleEntity> Rows(long articleId, IReadOnlyList<EntityMention> inText, IReadOnlyList<EntityMention> inTitle) =>
        inText.Select(m => (m.EntityId, m.Start, m.Length))
            .Concat(inTitle.Select(m => (m.EntityId, Start: -1, Length: 0)))
            .GroupBy(m => m.EntityId)
            .Select(g =>
            {
                var first = g.FirstOrDefault(m => m.Start >= 0);
                return new ArticleEntity
                {
                    ArticleId = articleId,
                    EntityId = g.Key,
                    Mentions = g.Count(),
                    FirstStart = g.Any(m => m.Start >= 0) ? first.Start : -1,
                    FirstLength = first.Length,
                };
            });

    private static void Count(Dictionary<string, CandidateRow> candidates, FoundName found, long articleId)
    {
        if (!candidates.TryGetValue(found.Surface, out var row))
        {
            row = new CandidateRow
            {
                Name = found.Surface,
                Kind = found.Kind,
                Cue = found.Cue,
                FirstArticleId = articleId,
                FirstSeenAt = DateTimeOffset.UtcNow,
            };
            candidates[found.Surface] = row;
        }

        row.Mentions++;
    }

    /// <summary>Adds the batch's counts to the candidates already known (one statement); a name seen before keeps its first article.</summary>
    private static async Task SaveCandidatesAsync(KazakhDbContext db, IReadOnlyCollection<CandidateRow> found, CancellationToken ct)
    {
        if (found.Count == 0)
        {
            return;
        }

        var names = found.Select(c => c.Name).ToArray();
        var kinds = found.Select(c => c.Kind.ToString()).ToArray();
        var cues = found.Select(c => c.Cue).ToArray();
        var mentions = found.Select(c => c.Mentions).ToArray();
        var articles = found.Select(c => c.FirstArticleId).ToArray();
        var seen = found.Select(c => c.FirstSeenAt).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO entity_candidates (name, kind, cue, mentions, first_article_id, first_seen_at, status)
            SELECT name, kind, cue, mentions, article, seen, 'Open'
            FROM unnest({names}, {kinds}, {cues}, {mentions}, {articles}, {seen}) AS t(name, kind, cue, mentions, article, seen)
            ON CONFLICT (name) DO UPDATE SET mentions = entity_candidates.mentions + excluded.mentions
            """, ct);
    }
}
