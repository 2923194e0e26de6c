namespace KazakhUnrest.Core.Stories;

/// <summary>Knobs of the story clusterer; the defaults are the ones the generated-corpus benchmark was tuned with.</summary>
public sealed record StoryClustererOptions
{
    /// <summary>First id handed to a new story; ids then increase by one (pinned targets are skipped).</summary>
    public long FirstStoryId { get; init; } = 1;

    /// <summary>A story stays a candidate this long after its latest article.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Score (cosine plus entity bonus) an article needs to join a story rather than start one.</summary>
    public double JoinThreshold { get; init; } = 0.7;

    /// <summary>Weight of the share of the article's entity-like terms that the story shares.</summary>
    public double EntityBonus { get; init; } = 1.0;

    /// <summary>
    /// Taken off the score of a story that already has an article of the same outlet: an outlet rarely writes
    /// the same story twice from scratch, while two stories of one day by one outlet are common.
    /// </summary>
    public double SameOutletPenalty { get; init; } = 0.2;

    /// <summary>How many of the article's strongest terms look up candidate stories.</summary>
    public int LookupTerms { get; init; } = 12;

    /// <summary>Postings scanned per lookup term, newest first.</summary>
    public int PostingsScanned { get; init; } = 200;

    /// <summary>Candidates scored in full, the ones hit by the most lookup terms.</summary>
    public int MaxCandidates { get; init; } = 24;

    public int ArticleTerms { get; init; } = 64;
    public int StoryTerms { get; init; } = 120;

    /// <summary>Estimated Jaccard of body shingles at which an article is a copy of an earlier one.</summary>
    public double DuplicateThreshold { get; init; } = 0.6;
}
