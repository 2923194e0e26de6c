namespace KazakhUnrest.Core.Stories;

/// <summary>Picks the best active story for an article vector from a bounded set of candidates.</summary>
internal static class StoryScoring
{
    /// <param name="RunnerUp">The second-best candidate's score, 0 when there was no other candidate.</param>
    public readonly record struct Scored(long StoryId, double Score, double RunnerUp);

    public static Scored? Best(StoryClusterer clusterer, TermVector vector, string outlet, DateTimeOffset? time, StoryClustererOptions options)
    {
        Scored? best = null;
        var runnerUp = 0.0;
        foreach (var story in Candidates(clusterer, vector, time, options))
        {
            var (cosine, overlap) = story.Compare(vector);
            var score = cosine + options.EntityBonus * overlap - (story.Outlets.Contains(outlet) ? options.SameOutletPenalty : 0)
                - options.TimePenaltyPerDay * DaysApart(story, time, options.TimeGrace);
            if (best is null || score > best.Value.Score || (score == best.Value.Score && story.Id < best.Value.StoryId))
            {
                runnerUp = best?.Score ?? runnerUp;
                best = new Scored(story.Id, score, 0);
            }
            else
            {
                runnerUp = Math.Max(runnerUp, score);
            }
        }

        return best is { } b ? b with { RunnerUp = Math.Max(0, runnerUp) } : null;
    }

    /// <summary>Days beyond the grace between a dated article and the story's dated middle; 0 when either has no date.</summary>
    private static double DaysApart(StoryCentroid story, DateTimeOffset? time, TimeSpan grace) =>
        time is { } t && story.MeanDay is { } mean ? Math.Max(0, Math.Abs(StoryCentroid.Days(t) - mean) - grace.TotalDays) : 0;

    /// <summary>Stories hit by the article's strongest terms, the most strongly hit first, at most MaxCandidates.</summary>
    private static IEnumerable<StoryCentroid> Candidates(StoryClusterer clusterer, TermVector vector, DateTimeOffset? time,
        StoryClustererOptions options)
    {
        var hits = new Dictionary<long, (StoryCentroid Story, float Weight)>();
        for (var i = 0; i < Math.Min(options.LookupTerms, vector.Count); i++)
        {
            foreach (var posted in clusterer.PostedStories(vector.Terms[i], time))
            {
                // A story an editor split off holds what the editor put in it: were it open to the clusterer,
                // re-filing would pull the reports the editor separated from it straight back in.
                if (clusterer.Active(posted, time) is not { } story || story.Id >= StoryEditing.FirstEditorStoryId)
                {
                    continue;
                }

                var weight = hits.TryGetValue(story.Id, out var hit) ? hit.Weight : 0f;
                hits[story.Id] = (story, weight + vector.Weights[i]);
            }
        }

        return hits.Values
            .OrderByDescending(h => h.Weight).ThenBy(h => h.Story.Id)
            .Take(options.MaxCandidates)
            .Select(h => h.Story);
    }
}
