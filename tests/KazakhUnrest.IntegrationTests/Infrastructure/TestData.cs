using System.Text;
using KazakhUnrest.Core.Captures;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>Builds small, readable rows for site tests (the scraper's own tests go through import).</summary>
internal static class TestData
{
    public static async Task<Outlet> OutletAsync(KazakhDbContext db, string slug = "test-wire", string name = "Test Wire")
    {
        var outlet = new Outlet { Name = name, Slug = slug, Kind = OutletKind.WireAgency, Country = "GB", Language = "en" };
        db.Outlets.Add(outlet);
        await db.SaveChangesAsync();
        return outlet;
    }

    /// <summary>A story over the given articles, as the story step would file it.</summary>
    public static async Task<Story> StoryAsync(KazakhDbContext db, long id, params Article[] articles)
    {
        var story = new Story { Id = id, Headline = articles[0].Title, HeadlineArticleId = articles[0].Id, UpdatedAt = DateTimeOffset.UtcNow };
        db.Stories.Add(story);
        foreach (var article in articles)
        {
            article.StoryId = id;
            article.ClusteredAt = DateTimeOffset.UtcNow;
        }

        await db.SaveChangesAsync();
        await KazakhUnrest.Core.Stories.StoryStats.RefreshAsync(db, [id], CancellationToken.None);
        await db.Entry(story).ReloadAsync();
        return story;
    }

    public static async Task<Article> ArticleAsync(KazakhDbContext db, Outlet outlet, string title, DateTimeOffset? published,
        params string[] paragraphs)
    {
        var url = $"https://{outlet.Slug}.example/{Uri.EscapeDataString(title.ToLowerInvariant().Replace(' ', '-'))}";
        var raw = Encoding.UTF8.GetBytes($"<html><body><h1>{title}</h1>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</body></html>");
        var capture = new Capture
        {
            Url = url,
            Origin = CaptureOrigin.Http,
            FetchedAt = published?.AddMinutes(5) ?? DateTimeOffset.UtcNow,
            StatusCode = 200,
            ContentType = "text/html; charset=utf-8",
            ContentHash = CaptureBody.Hash(raw),
            Length = raw.Length,
            Compressed = CaptureBody.Compress(raw),
        };
        var text = string.Join("\n\n", paragraphs);
        var article = new Article
        {
            CanonicalUrl = url,
            Outlet = outlet,
            Title = title,
            Language = "en",
            Body = [.. paragraphs.Select(p => new BodyBlock { Kind = BodyBlockKind.Paragraph, Text = p })],
            Text = text,
            PublishedAt = published,
            FirstSeenAt = published?.AddMinutes(5) ?? DateTimeOffset.UtcNow,
            UpdatedAt = published?.AddMinutes(5) ?? DateTimeOffset.UtcNow,
            ContentHash = CaptureBody.Hash(Encoding.UTF8.GetBytes(title + "\n" + text)),
            Capture = capture,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }
}
