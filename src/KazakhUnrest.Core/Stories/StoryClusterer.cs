using KazakhUnrest.Core.Events;

namespace KazakhUnrest.Core.Stories;

/// <summary>
/// Incremental story clustering. Each article is looked up as a near copy first (a copy joins its original's
/// story); otherwise candidate stories come from an inverted index on its strongest terms, restricted to stories
/// active within <see cref="StoryClustererOptions.Window"/>, and it joins the best one scoring clearly above the
/// background (see <see cref="StoryClustererOptions.BackgroundFactor"/>) or starts a new story. Work per article is bounded by the lookup caps, never by the corpus size.
/// <para>
/// Deterministic: the same articles in the same order, with the same pins and merges registered first, give
/// the same story ids. To rebuild after a restart (or to re-run), the caller creates a new clusterer, calls
/// <see cref="Pin"/> and <see cref="Merge"/> for every stored editor decision in the order they were made,
/// then <see cref="Add"/>s the stored articles ordered by (publication time, id). Pinned articles and the
/// members of merged stories land where the editor put them; a merge registered before the replay also lets the
/// merged story attract articles from the start, so a borderline article elsewhere may be decided differently.
/// </para>
/// </summary>
public sealed partial class StoryClusterer
{
    public const long NoStory = 0;

    private readonly StoryClustererOptions _options;
    private readonly TermVectorizer _vectorizer;
    private readonly NearDuplicateFinder _duplicates;
    private readonly StoryPostings _postings;
    private readonly Dictionary<long, StoryCentroid> _stories = [];
    private readonly Dictionary<long, (long Story, DateTimeOffset Time)> _articles = [];
    private readonly Dictionary<long, long> _pins = [];
    private readonly Dictionary<long, long> _merges = [];
    private long _nextId;
    private double _runnerUps;
    private long _scored;

    /// <summary>Mean score of the second-best candidate story so far, starting from the configured prior.</summary>
    public double Background => (_runnerUps + _options.BackgroundPrior * _options.BackgroundPriorWeight) / (_scored + _options.BackgroundPriorWeight);

    public StoryClusterer(StoryClustererOptions? options = null, NearDuplicateFinder? duplicates = null)
    {
        _options = options ?? new StoryClustererOptions();
        _vectorizer = new TermVectorizer(_options.ArticleTerms, _options.IdfPower);
        _duplicates = duplicates ?? new NearDuplicateFinder(_options.DuplicateThreshold);
        _postings = new StoryPostings(_options.PostingsScanned);
        _nextId = _options.FirstStoryId;
    }

    public TermVectorizer Vectorizer => _vectorizer;
    public NearDuplicateFinder Duplicates => _duplicates;
    public int StoryCount => _stories.Count;
    public int ArticleCount => _articles.Count;

    /// <param name="sketch">The article's stored <see cref="ShingleSketch"/>, when the caller already has it.</param>
    public StoryAssignment Add(ArticleFeatures article, uint[]? sketch = null) =>
        Add(article, _duplicates.Find(article.Id, sketch ?? ShingleSketch.Of(article.Text)));

    /// <param name="match">What <see cref="Duplicates"/> found for the article (looked up and added there by the caller).</param>
    public StoryAssignment Add(ArticleFeatures article, DuplicateMatch match)
    {
        var lead = article.Title + "\n" + article.Text[..Math.Min(article.Text.Length, _options.LeadLength)];
        var vector = _vectorizer.Vectorize(article.Title, article.Text, article.Entities, EventKinds.Named(lead), _options.LeadKindWeight);
        var (storyId, isNew) = Place(article, vector, match);
        _vectorizer.Observe(vector);
        _articles[article.Id] = (storyId, article.Time);
        return new StoryAssignment(storyId, isNew, match.DuplicateOf, match.Similarity);
    }

    /// <summary>The article's story, following merges; <see cref="NoStory"/> when off-topic or unknown.</summary>
    public long StoryOf(long articleId) =>
        _articles.TryGetValue(articleId, out var a) && a.Story != NoStory ? Resolve(a.Story) : NoStory;

    /// <summary>
    /// Fixes the article in the story (an editor's split or move); kept when the article is added again.
    /// A story the editor creates must get an id outside the range the clusterer hands out (for example from
    /// 1,000,000,000 up), so that replaying never gives that id to another story.
    /// </summary>
    public void Pin(long articleId, long storyId)
    {
        _pins[articleId] = storyId;
        if (!_articles.TryGetValue(articleId, out var current))
        {
            return;
        }

        // The article's terms stay in its old centroid: one article barely moves it, and it is rebuilt on replay.
        if (current.Story != NoStory && _stories.TryGetValue(Resolve(current.Story), out var old))
        {
            old.Touch(old.Last, -1);
        }

        var (target, _) = StoryFor(Resolve(storyId), current.Time);
        target.Touch(current.Time);
        _articles[articleId] = (target.Id, current.Time);
    }

    /// <summary>Folds one story into another (an editor's merge); later articles of either land in <paramref name="into"/>.</summary>
    public void Merge(long from, long into)
    {
        var (source, target) = (Resolve(from), Resolve(into));
        if (source == target)
        {
            return;
        }

        _merges[source] = target;
        if (!_stories.Remove(source, out var absorbed))
        {
            return;
        }

        var (story, _) = StoryFor(target, absorbed.First);
        story.Absorb(absorbed);
        foreach (var term in story.Terms)
        {
            _postings.Add(term, story.Id);
        }
    }

    private (long StoryId, bool IsNew) Place(ArticleFeatures article, TermVector vector, DuplicateMatch match)
    {
        if (_pins.TryGetValue(article.Id, out var pinned))
        {
            return Join(StoryFor(Resolve(pinned), article.Time), article, vector);
        }

        if (!article.OnTopic)
        {
            return (NoStory, false);
        }

        if (match.DuplicateOf is { } original && StoryOf(original) is var copied && copied != NoStory
            && _stories.TryGetValue(copied, out var story))
        {
            // A copy adds no new wording: counting it once more would pull the centroid towards wire text.
            story.Touch(article.Time);
            return (story.Id, false);
        }

        var when = article.Dated ? article.Time : (DateTimeOffset?)null;
        var best = StoryScoring.Best(this, vector, article.Outlet, when, _options);
        var threshold = Math.Clamp(_options.BackgroundFactor * Background, _options.JoinFloor, _options.JoinThreshold);
        _runnerUps += best?.RunnerUp ?? 0;
        _scored++;
        return best is { } found && found.Score >= threshold
            ? Join((_stories[found.StoryId], false), article, vector)
            : Join(StoryFor(Resolve(AllocateId()), article.Time), article, vector);
    }

    private (long, bool) Join((StoryCentroid Story, bool IsNew) target, ArticleFeatures article, TermVector vector)
    {
        // An undated article (time is only when we first saw it) must not stretch the story's dates.
        target.Story.Touch(article.Dated ? article.Time : target.Story.Last);
        if (article.Dated)
        {
            target.Story.AddDated(article.Time);
        }

        target.Story.Outlets.Add(article.Outlet);
        target.Story.Add(vector);
        foreach (var term in target.Story.Added)
        {
            _postings.Add(term, target.Story.Id);
        }

        return (target.Story.Id, target.IsNew);
    }

    private (StoryCentroid Story, bool IsNew) StoryFor(long id, DateTimeOffset time)
    {
        if (_stories.TryGetValue(id, out var story))
        {
            return (story, false);
        }

        story = new StoryCentroid(id, time, _options.StoryTerms);
        _stories[id] = story;
        return (story, true);
    }

    // Ids are handed out in arrival order whatever happens to the stories, so that replaying with merges
    // registered first gives every later story the id it had in the live run.
    private long AllocateId() => _nextId++;

    internal long Resolve(long storyId)
    {
        for (var hops = 0; _merges.TryGetValue(storyId, out var into) && hops < 64; hops++)
        {
            storyId = into;
        }

        return storyId;
    }

    internal IEnumerable<long> PostedStories(ulong term, DateTimeOffset? time) =>
        _postings.Recent(term, id => Active(id, time) is not null);

    /// <summary>The story if it is a candidate at <paramref name="time"/>; an undated article may join any story.</summary>
    internal StoryCentroid? Active(long storyId, DateTimeOffset? time) =>
        _stories.TryGetValue(Resolve(storyId), out var story)
        && (time is not { } t || (t - story.Last <= _options.Window && story.First - t <= _options.Window))
            ? story
            : null;
}
