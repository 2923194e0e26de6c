using System.ComponentModel.DataAnnotations;

namespace KazakhUnrest.Core.Stories;

/// <summary>
/// Knobs of the story clusterer. The defaults were chosen with the bench's `stories` (generated corpus) and
/// `stories-real` (seeds and sample capture, hand-labelled) commands together: tuned on one alone, they fail the other.
/// </summary>
public sealed record StoryClustererOptions
{
    /// <summary>First id handed to a new story; ids then increase by one (pinned targets are skipped).</summary>
    public long FirstStoryId { get; init; } = 1;

    /// <summary>A story stays a candidate this long after its latest article.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(2);

    /// <summary>
    /// The most score (cosine plus entity bonus) an article ever needs to join a story rather than start one.
    /// The bar actually used is <see cref="BackgroundFactor"/> times the background, kept between
    /// <see cref="JoinFloor"/> and this.
    /// </summary>
    [Range(0.0, 2.0)]
    public double JoinThreshold { get; init; } = 0.7;

    /// <summary>The least score that ever joins an article to a story.</summary>
    [Range(0.0, 2.0)]
    public double JoinFloor { get; init; } = 0.15;

    /// <summary>
    /// How far above the background (the mean score of the second-best story, 0 when there is none) a story must
    /// score to be joined. Similarity has no fixed scale: reports written from shared templates score 0.4 against
    /// unrelated stories, while two outlets' own words on one event may score 0.2. The background measures the
    /// scale of the collection at hand, so the same setting separates stories in both.
    /// </summary>
    [Range(0.0, 100.0)]
    public double BackgroundFactor { get; init; } = 2.0;

    /// <summary>The background assumed before any article was scored, and how many articles' worth it counts for.</summary>
    [Range(0.0, 2.0)]
    public double BackgroundPrior { get; init; } = 0.2;

    [Range(0.0, 1e6)]
    public double BackgroundPriorWeight { get; init; } = 2;

    /// <summary>Weight of the share of the article's entity-like terms that the story shares.</summary>
    [Range(0.0, 10.0)]
    public double EntityBonus { get; init; } = 1.0;

    /// <summary>
    /// Term frequency given to each kind of event (<see cref="Events.EventKinds.Named"/>) the headline and lead name, as
    /// an entity-like term: "resigned", "отставка" and "démission" are one term there, so a report of the government's
    /// resignation meets the others in any language, and a report of the first protests keeps apart from it. Chosen
    /// with `stories-real`: 1 barely moves real text, 3 and more start to glue different developments of one kind.
    /// </summary>
    [Range(0.0, 100.0)]
    public double LeadKindWeight { get; init; } = 2;

    /// <summary>Characters of the text read for <see cref="LeadKindWeight"/> after the headline: a wire lead's first
    /// two sentences; further in, a report tells the background (the earlier protests, the resignation days before).</summary>
    [Range(0, 100_000)]
    public int LeadLength { get; init; } = 400;

    /// <summary>
    /// Score taken off per day between a dated article and the mean day of a story's dated members (beyond
    /// <see cref="TimeGrace"/>). The window alone lets a story chain from day to day (the 2 January protests, the 5 January
    /// resignation, the blackout of the 6th) through articles that each look like the last one; the distance to the
    /// story's middle does not move with its last article. 0.3 a day keeps a story of the same event reported over
    /// two days together (tuned with `stories-real` and `stories`: 0.8 and more split real stories told over several
    /// days, and generated stories lose recall above 0.4). The penalty also lowers the runner-up scores, so the
    /// background falls with it: <see cref="BackgroundFactor"/> went from 2.2 to 2.0 with it.
    /// </summary>
    [Range(0.0, 10.0)]
    public double TimePenaltyPerDay { get; init; } = 0.3;

    /// <summary>Distance from a story's mean day that costs nothing: reports of one event published the same day and night.</summary>
    public TimeSpan TimeGrace { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Taken off the score of a story that already has an article of the same outlet: an outlet rarely writes
    /// the same story twice from scratch, while two stories of one day by one outlet are common.
    /// </summary>
    [Range(0.0, 2.0)]
    public double SameOutletPenalty { get; init; } = 0.2;

    /// <summary>How many of the article's strongest terms look up candidate stories.</summary>
    [Range(1, 10_000)]
    public int LookupTerms { get; init; } = 64;

    /// <summary>Postings scanned per lookup term, newest first.</summary>
    [Range(1, 1_000_000)]
    public int PostingsScanned { get; init; } = 200;

    /// <summary>Candidates scored in full, the ones hit by the most lookup terms.</summary>
    [Range(1, 10_000)]
    public int MaxCandidates { get; init; } = 24;

    /// <summary>Terms kept per article: real reports of one event share few words, so keeping only the rarest loses them.</summary>
    [Range(1, 10_000)]
    public int ArticleTerms { get; init; } = 200;

    /// <summary>
    /// Power the idf is raised to in term weights: above 1 because what separates two stories of one day is their
    /// particulars, not the vocabulary of the event they share.
    /// </summary>
    [Range(0.0, 10.0)]
    public double IdfPower { get; init; } = 1.5;

    /// <summary>Terms kept in a story's centroid: enough for a story's several wordings, bounded so a large story costs no more to compare.</summary>
    [Range(1, 100_000)]
    public int StoryTerms { get; init; } = 300;

    /// <summary>
    /// Share of the smaller text's body shingles found in the other (estimated from their sketches) at which an article
    /// is a copy of an earlier one. Generated reports written from shared templates hold whole sentences in common and
    /// reach 0.76 with no copying at all, while a 130-word wire text with its ending cut and four words changed keeps
    /// 0.78 of itself; on the real-text development set wire copies, teasers and republications with other furniture
    /// mostly reach 0.8 to 1.0, and two agencies' translations of one statement about 0.5. Copies that contain less
    /// because they cut the text elsewhere are caught by <see cref="NearDuplicateFinder.LongOverlap"/>.
    /// </summary>
    [Range(0.01, 1.0)]
    public double DuplicateThreshold { get; init; } = 0.75;
}
