using KazakhUnrest.Core.Text;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>One generated article with its ground truth. <see cref="Id"/> is set once all are in publication order.</summary>
public sealed class GeneratedArticle
{
    public string Id { get; set; } = "";
    public required GeneratedOutlet Outlet { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset Published { get; init; }
    public required List<string> Paragraphs { get; init; }
    public string? Story { get; init; }
    public GeneratedArticle? Original { get; init; }
    public string? CopyKind { get; init; }

    /// <summary>What the story is about and its particulars; set on a story's own reports, not on copies or off-topic pieces.</summary>
    public StoryKind? Kind { get; init; }

    public StoryFacts? Facts { get; init; }

    /// <summary>Creation order, which breaks ties between equal publication times.</summary>
    public int Sequence { get; set; }

    public bool OnTopic => Story is not null;

    public string Url => $"https://{Outlet.Slug}.example/{Published:yyyy'/'MM'/'dd}/{UrlSlug(Title)}-{Sequence}";

    public string Text => string.Join("\n\n", Paragraphs);

    // The first eight words make a readable address, as outlets' own do.
    private static string UrlSlug(string title) => string.Join('-', Slugs.From(title).Split('-').Take(8));
}
