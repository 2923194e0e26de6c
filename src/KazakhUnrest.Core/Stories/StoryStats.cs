using KazakhUnrest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Core.Stories;

/// <summary>Keeps a story's dates and counts in step with its on-topic articles, in one statement per batch.</summary>
public static class StoryStats
{
    public static async Task RefreshAsync(KazakhDbContext db, IReadOnlyCollection<long> storyIds, CancellationToken ct)
    {
        if (storyIds.Count == 0)
        {
            return;
        }

        var ids = storyIds.Distinct().ToArray();
        var now = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE stories s SET
                article_count = coalesce(x.articles, 0),
                outlet_count = coalesce(x.outlets, 0),
                first_published_at = coalesce(x.first, s.first_published_at),
                last_published_at = coalesce(x.last, s.last_published_at),
                -- A headline article that left the story hands the headline to the earliest one still in it.
                headline_article_id = CASE WHEN x.has_headline THEN s.headline_article_id ELSE x.earliest_id END,
                headline = CASE WHEN x.has_headline OR x.earliest_title IS NULL THEN s.headline ELSE x.earliest_title END,
                updated_at = {now}
            FROM (
                SELECT st.id,
                       count(a.id) AS articles,
                       count(DISTINCT a.outlet_id) AS outlets,
                       min(coalesce(a.published_at, a.first_seen_at)) AS first,
                       max(coalesce(a.published_at, a.first_seen_at)) AS last,
                       bool_or(a.id = st.headline_article_id) AS has_headline,
                       (array_agg(a.id ORDER BY coalesce(a.published_at, a.first_seen_at), a.id))[1] AS earliest_id,
                       (array_agg(a.title ORDER BY coalesce(a.published_at, a.first_seen_at), a.id))[1] AS earliest_title
                FROM stories st
                LEFT JOIN articles a ON a.story_id = st.id AND a.on_topic
                WHERE st.id = ANY({ids})
                GROUP BY st.id
            ) x
            WHERE s.id = x.id
            """, ct);
    }
}
