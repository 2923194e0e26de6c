using System.Globalization;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>
/// Writes one outlet's own report of a story: its pick of the facts, in its order, in its words, with its
/// house style (dateline, standfirst, paragraph length) and its choice of background.
/// </summary>
public static class ArticleWriter
{
    public static GeneratedArticle Write(Random random, StoryKind kind, StoryFacts facts, string story, GeneratedOutlet outlet, DateTimeOffset published)
    {
        var slots = OutletSlots(random, outlet, facts);
        var title = Templates.Fill(StoryFacts.Pick(random, kind.Titles), facts.Slots, slots);
        var paragraphs = new List<string>();
        if (outlet.Standfirst)
        {
            paragraphs.Add(Templates.Fill(StoryFacts.Pick(random, kind.Titles), facts.Slots, slots) + ".");
        }

        paragraphs.Add(Dateline(outlet, facts, published) + Templates.Fill(StoryFacts.Pick(random, kind.Leads), facts.Slots, slots));
        var sentences = FactSentences(random, kind, facts, slots);
        paragraphs.AddRange(Group(sentences, outlet.ShortParagraphs));
        InsertBackground(random, paragraphs, facts, slots);
        var closer = Templates.Fill(StoryFacts.Pick(random, Background.Closers), facts.Slots, slots);
        if (closer.Length > 0)
        {
            paragraphs.Add(closer);
        }

        return new GeneratedArticle
        {
            Outlet = outlet,
            Title = outlet.Style.Apply(title),
            Published = published,
            Paragraphs = paragraphs.Select(outlet.Style.Apply).ToList(),
            Story = story,
            Kind = kind,
            Facts = facts,
        };
    }

    public static GeneratedArticle WriteOffTopic(Random random, StoryFacts facts, GeneratedOutlet outlet, DateTimeOffset published)
    {
        var slots = OutletSlots(random, outlet, facts);
        OffTopic.AddSlots(random, slots);
        var (title, template) = StoryFacts.Pick(random, OffTopic.Templates);
        var extras = OffTopic.Extras.ToArray();
        random.Shuffle(extras);
        var body = template.Concat(extras.Take(2)).ToArray();
        random.Shuffle(body.AsSpan(1));
        return new GeneratedArticle
        {
            Outlet = outlet,
            Title = outlet.Style.Apply(Templates.Fill(title, facts.Slots, slots)),
            Published = published,
            Paragraphs = body.Select(p => outlet.Style.Apply(Templates.Fill(StoryFacts.Pick(random, p.Split('|')), facts.Slots, slots))).Where(p => p.Length > 0).ToList(),
        };
    }

    private static Dictionary<string, string> OutletSlots(Random random, GeneratedOutlet outlet, StoryFacts facts)
    {
        var slots = Synonyms.Choose(random, outlet.Kind);
        slots["date"] = outlet.Style.Date(facts.Day);
        slots["outlet_name"] = outlet.Name;
        slots["outlet_ref"] = random.Next(2) == 0 ? outlet.Name : "reporters";
        return slots;
    }

    private static List<string> FactSentences(Random random, StoryKind kind, StoryFacts facts, Dictionary<string, string> slots)
    {
        var order = Enumerable.Range(0, kind.Facts.Length).ToArray();
        random.Shuffle(order);
        var count = random.Next(Math.Min(3, order.Length), order.Length + 1);
        var sentences = order.Take(count)
            .Select(f => Templates.Fill(StoryFacts.Pick(random, kind.Facts[f]), facts.Slots, slots))
            .ToList();
        if (random.Next(5) < 3)
        {
            sentences.Insert(random.Next(sentences.Count + 1), Templates.Fill(StoryFacts.Pick(random, kind.Quotes), facts.Slots, slots));
        }

        return sentences;
    }

    private static IEnumerable<string> Group(List<string> sentences, bool shortParagraphs)
    {
        if (shortParagraphs)
        {
            return sentences;
        }

        return sentences.Chunk(2).Select(pair => string.Join(" ", pair));
    }

    private static void InsertBackground(Random random, List<string> paragraphs, StoryFacts facts, Dictionary<string, string> slots)
    {
        var pool = Enumerable.Range(0, Background.Paragraphs.Length).ToArray();
        random.Shuffle(pool);
        foreach (var index in pool.Take(random.Next(1, 3)))
        {
            var text = Templates.Fill(StoryFacts.Pick(random, Background.Paragraphs[index]), facts.Slots, slots);
            paragraphs.Insert(random.Next(2, paragraphs.Count + 1), text);
        }
    }

    private static string Dateline(GeneratedOutlet outlet, StoryFacts facts, DateTimeOffset published) =>
        outlet.Dateline
            ? $"{facts.Slots["city"].ToUpperInvariant()}, {published.ToString("MMM d", CultureInfo.InvariantCulture)} ({outlet.Name}) — "
            : "";
}
