namespace KazakhUnrest.DevTools.Generate;

/// <summary>
/// Generates a corpus deterministically from a seed: one System.Random drives every choice in a fixed order,
/// so the same seed and size give the same articles. About one story per ten articles; one article in twenty
/// off-topic; wire stories republished word for word or lightly edited by other outlets.
/// </summary>
public static class CorpusGenerator
{
    private const double OffTopicShare = 0.05;
    private static readonly double[] DurationWeights = [0.45, 0.3, 0.15, 0.1];

    /// <param name="largestStory">When above zero, the first story gets this many reports (page benchmarks need one story of a given size).</param>
    public static GeneratedCorpus Generate(int articles, int seed, int largestStory = 0)
    {
        var random = new Random(seed);
        var outlets = OutletCatalog.Create(random);
        var all = new List<GeneratedArticle>(articles);
        var offTopic = (int)Math.Round(articles * OffTopicShare);
        var sizes = StorySizes(random, Math.Max(1, articles / 10), articles - offTopic, largestStory);
        var told = new HashSet<string>();
        for (var s = 0; s < sizes.Length; s++)
        {
            var (kind, facts) = NewStory(random, told);
            StoryArticles(random, outlets, $"s{s + 1:D5}", sizes[s], kind, facts, all);
        }

        OffTopicArticles(random, outlets, offTopic, all);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Sequence = i + 1;
        }

        var ordered = all.OrderBy(a => a.Published).ThenBy(a => a.Sequence).ToList();
        var width = Math.Max(6, ordered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Id = "g" + (i + 1).ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture);
        }

        return new GeneratedCorpus(outlets, ordered);
    }

    /// <summary>Skewed sizes (a few big stories, many small ones) that add up to the on-topic total.</summary>
    private static int[] StorySizes(Random random, int stories, int total, int largest)
    {
        stories = Math.Min(stories, Math.Max(1, total));
        var weights = Enumerable.Range(0, stories).Select(_ => 0.25 + 3 * Math.Pow(random.NextDouble(), 2)).ToArray();
        var sum = weights.Sum();
        var sizes = weights.Select(w => Math.Max(1, (int)(w / sum * total))).ToArray();
        if (largest > 0)
        {
            sizes[0] = Math.Min(largest, total);
        }

        for (var i = 0; sizes.Sum() < total; i = (i + 1) % stories)
        {
            sizes[i]++;
        }

        for (var i = 0; sizes.Sum() > total; i = (i + 1) % stories)
        {
            sizes[i] -= sizes[i] > 1 && (largest == 0 || i > 0) ? 1 : 0;
        }

        return sizes;
    }

    private static void StoryArticles(Random random, List<GeneratedOutlet> outlets, string label, int size, StoryKind kind, StoryFacts facts,
        List<GeneratedArticle> all)
    {
        var day = facts.Day;
        var duration = 1 + Weighted(random, DurationWeights);
        var copies = size >= 3 && random.Next(10) < 6 ? (int)Math.Round(size * (0.2 + 0.3 * random.NextDouble())) : 0;
        var writers = DistinctOutlets(random, outlets, size - copies, wireFirst: copies > 0);
        var originals = new List<GeneratedArticle>();
        foreach (var (outlet, index) in writers.Select((o, i) => (o, i)))
        {
            var offset = index == 0 ? 0 : Math.Min(random.Next(duration), random.Next(duration));
            originals.Add(ArticleWriter.Write(random, kind, facts, label, outlet, Time(random, day, offset)));
        }

        all.AddRange(originals);
        var wires = originals.Where(o => o.Outlet.Kind == "wire_agency").ToArray();
        for (var c = 0; c < copies && wires.Length > 0; c++)
        {
            all.Add(Copy(random, outlets, StoryFacts.Pick(random, wires)));
        }
    }

    private static void OffTopicArticles(Random random, List<GeneratedOutlet> outlets, int count, List<GeneratedArticle> all)
    {
        var originals = new List<GeneratedArticle>();
        for (var i = 0; i < count; i++)
        {
            if (originals.Count > 0 && random.Next(5) == 0)
            {
                all.Add(Copy(random, outlets, StoryFacts.Pick(random, originals.ToArray())));
                continue;
            }

            var day = new DateOnly(2022, 1, 1).AddDays(random.Next(59));
            var facts = StoryFacts.Draw(random, PickKind(random), day);
            var article = ArticleWriter.WriteOffTopic(random, facts, StoryFacts.Pick(random, outlets.ToArray()), Time(random, day, 0));
            originals.Add(article);
            all.Add(article);
        }
    }

    private static GeneratedArticle Copy(Random random, List<GeneratedOutlet> outlets, GeneratedArticle original)
    {
        GeneratedOutlet outlet;
        do
        {
            outlet = outlets[random.Next(outlets.Count)];
        }
        while (outlet == original.Outlet || outlet.Kind == "wire_agency");

        var published = original.Published.AddMinutes(random.Next(5, 720));
        return random.Next(5) < 3 ? Copies.Exact(random, original, outlet, published) : Copies.Near(random, original, outlet, published);
    }

    private static List<GeneratedOutlet> DistinctOutlets(Random random, List<GeneratedOutlet> outlets, int count, bool wireFirst)
    {
        var chosen = new List<GeneratedOutlet>();
        var used = new HashSet<GeneratedOutlet>();
        if (wireFirst)
        {
            var wires = outlets.Where(o => o.Kind == "wire_agency").ToArray();
            chosen.Add(StoryFacts.Pick(random, wires));
            used.Add(chosen[0]);
        }

        while (chosen.Count < count)
        {
            var outlet = outlets[random.Next(outlets.Count)];
            if (used.Add(outlet) || used.Count >= outlets.Count)
            {
                chosen.Add(outlet);
            }
        }

        return chosen;
    }

    private static DateTimeOffset Time(Random random, DateOnly day, int offsetDays) =>
        new(day.AddDays(offsetDays).ToDateTime(new TimeOnly(random.Next(2, 20), random.Next(60))), TimeSpan.Zero);

    private static StoryKind PickKind(Random random) =>
        StoryKinds.All[Weighted(random, StoryKinds.All.Select(k => k.Weight).ToArray())];

    /// <summary>
    /// The kind and facts of a new story, never the same event as an earlier story: a singular event is told
    /// once, a kind unique by a slot once per value of it, and no two stories share kind, city and site.
    /// </summary>
    private static (StoryKind, StoryFacts) NewStory(Random random, HashSet<string> told)
    {
        var kinds = StoryKinds.All.ToList();
        while (true)
        {
            var kind = kinds[Weighted(random, kinds.Select(k => k.Weight).ToArray())];
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var facts = StoryFacts.Draw(random, kind, kind.From.AddDays(random.Next(kind.To.DayNumber - kind.From.DayNumber + 1)));
                if (told.Add(EventKey(kind, facts)))
                {
                    return (kind, facts);
                }
            }

            if (kinds.Count > 1)
            {
                kinds.Remove(kind);
            }
        }
    }

    private static string EventKey(StoryKind kind, StoryFacts facts) =>
        kind.Singular ? kind.Name
        : kind.UniqueBy is { } slot ? $"{kind.Name}|{facts.Slots[slot]}"
        : $"{kind.Name}|{facts.Slots["city"]}|{facts.Slots["site"]}";

    private static int Weighted(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
