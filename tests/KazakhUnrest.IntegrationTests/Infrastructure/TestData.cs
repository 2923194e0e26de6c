using System.Text;
using KazakhUnrest.Core.Captures;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Entities;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>Builds small, readable rows for site tests (the scraper's own tests go through import).</summary>
internal static class TestData
{
    public static async Task<Outlet> OutletAsync(KazakhDbContext db, string slug = "test-wire", string name = "Test Wire",
        OutletKind kind = OutletKind.WireAgency)
    {
        var outlet = new Outlet { Name = name, Slug = slug, Kind = kind, Country = "GB", Language = "en" };
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
            MachinePublishedAt = published,
            FirstSeenAt = published?.AddMinutes(5) ?? DateTimeOffset.UtcNow,
            UpdatedAt = published?.AddMinutes(5) ?? DateTimeOffset.UtcNow,
            ContentHash = CaptureBody.Hash(Encoding.UTF8.GetBytes(title + "\n" + text)),
            Capture = capture,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    /// <summary>An entity as the gazetteer seeds it; aliases starting "the " count as descriptions.</summary>
    public static async Task<Entity> EntityAsync(KazakhDbContext db, string id, EntityKind kind, string name, string? country, params string[] aliases)
    {
        var entity = new Entity
        {
            Id = id,
            Kind = kind,
            Name = name,
            Country = country,
            FromGazetteer = true,
            Aliases = [.. aliases.Select(a => new EntityAlias { EntityId = id, Name = a, IsDescription = a.StartsWith("the ", StringComparison.Ordinal), AddedAt = DateTimeOffset.UtcNow })],
        };
        db.Entities.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    /// <summary>Records that the article names these entities, as the entity step would.</summary>
    public static async Task MentionsAsync(KazakhDbContext db, Article article, params (string EntityId, int Mentions)[] mentions)
    {
        db.ArticleEntities.AddRange(mentions.Select(m => new ArticleEntity
        {
            ArticleId = article.Id,
            EntityId = m.EntityId,
            Mentions = m.Mentions,
            FirstStart = 0,
            FirstLength = Math.Min(1, article.Text.Length),
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A timeline entry with one article event per source, as the timeline step would build it: listed under the day most
    /// sources give (the earliest of a tie); each sentence must occur in its article's text.
    /// </summary>
    public static async Task<TimelineEntry> TimelineEntryAsync(KazakhDbContext db, string kind, string summary, string[] actors, string[] places,
        params (Article Article, DateOnly Date, string Sentence)[] sources)
    {
        var date = sources.GroupBy(s => s.Date).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var entry = new TimelineEntry
        {
            Kind = kind,
            Date = date,
            Days = [.. sources.Select(s => s.Date).Distinct().Order()],
            Summary = summary,
            Actors = [.. actors],
            Places = [.. places],
            Entities = [.. actors.Concat(places).Distinct()],
            SourceCount = sources.Length,
            Key = $"{date:yyyy-MM-dd}/{kind}",
        };
        entry.Conflict = entry.Days.Count > 1;
        var outlets = await db.Outlets.ToDictionaryAsync(o => o.Id, o => o.Name);
        entry.DayOutlets = [.. sources.GroupBy(s => s.Date).OrderBy(g => g.Key)
            .SelectMany(g => g.Select(s => outlets[s.Article.OutletId]).Distinct().Order(StringComparer.Ordinal).Select(o => $"{g.Key:yyyy-MM-dd}|{o}"))];
        entry.Sources = [.. sources.Select(s => new ArticleEvent
        {
            ArticleId = s.Article.Id, Kind = kind, Date = s.Date, EndDate = s.Date, Precision = "day", DateText = s.Date.ToString("d MMMM"),
            SentenceStart = s.Article.Text.IndexOf(s.Sentence, StringComparison.Ordinal) is var at and >= 0
                ? at
                : throw new ArgumentException($"'{s.Sentence}' is not in article {s.Article.Id}"),
            SentenceLength = s.Sentence.Length, Sentence = s.Sentence, Actors = [.. actors], Places = [.. places],
        })];
        db.TimelineEntries.Add(entry);
        await db.SaveChangesAsync();
        await ArticleDay.RefreshAsync(db, CancellationToken.None);
        return entry;
    }
}
