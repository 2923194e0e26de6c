namespace KazakhUnrest.DevTools.Generate;

/// <summary>Republications of an article by another outlet: word for word, or lightly edited the way
/// aggregators and partner sites do (new headline, ending trimmed, a few words changed, a line added).</summary>
public static class Copies
{
    private static readonly (string From, string To)[] Edits =
    [
        (" said ", " stated "), (" about ", " around "), (" more than ", " over "), (" people ", " persons "),
        (" after ", " following "), (" also ", " additionally "), (" according to ", " citing "), (" city ", " town "),
        (" told ", " informed "), (" at least ", " no fewer than "), (" near ", " close to "),
    ];

    private static readonly string[] HeadlineForms = ["Kazakhstan: {0}", "{0} - report", "UPDATE 1-{0}", "{0}, media say", "Central Asia: {0}"];

    public static GeneratedArticle Exact(Random random, GeneratedArticle original, GeneratedOutlet outlet, DateTimeOffset published) => new()
    {
        Outlet = outlet,
        Title = random.Next(3) == 0 ? Reheadline(random, original.Title) : original.Title,
        Published = published,
        Paragraphs = [.. original.Paragraphs],
        Story = original.Story,
        Original = original,
        CopyKind = "exact",
    };

    public static GeneratedArticle Near(Random random, GeneratedArticle original, GeneratedOutlet outlet, DateTimeOffset published)
    {
        var paragraphs = new List<string>(original.Paragraphs);
        if (paragraphs.Count > 3 && random.Next(5) < 3)
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        ChangeWords(random, paragraphs, random.Next(2, 5));
        switch (random.Next(3))
        {
            case 0:
                paragraphs.Add(StoryFacts.Pick(random, Background.Furniture));
                break;
            case 1:
                paragraphs.Insert(0, $"{outlet.Name} republishes this report from {original.Outlet.Name}.");
                break;
        }

        return new GeneratedArticle
        {
            Outlet = outlet,
            Title = Reheadline(random, original.Title),
            Published = published,
            Paragraphs = paragraphs,
            Story = original.Story,
            Original = original,
            CopyKind = "near",
        };
    }

    private static string Reheadline(Random random, string title) => string.Format(System.Globalization.CultureInfo.InvariantCulture, StoryFacts.Pick(random, HeadlineForms), title);

    private static void ChangeWords(Random random, List<string> paragraphs, int changes)
    {
        for (var attempt = 0; attempt < changes * 4 && changes > 0; attempt++)
        {
            var p = random.Next(paragraphs.Count);
            var (from, to) = StoryFacts.Pick(random, Edits);
            var at = paragraphs[p].IndexOf(from, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            paragraphs[p] = string.Concat(paragraphs[p].AsSpan(0, at), to, paragraphs[p].AsSpan(at + from.Length));
            changes--;
        }
    }
}
