using System.Text;
using KazakhUnrest.Core.Captures;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Core.Urls;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KazakhUnrest.Scraper.Pipeline;

public enum StoreOutcome
{
    New,
    Updated,
    Unchanged,
}

/// <summary>
/// Step 4, store: the raw capture and its articles, written in one transaction so a crash never
/// leaves an article without its capture or half of a page's segments. Idempotent: storing the same
/// capture again changes nothing; a changed article becomes a new revision and keeps its first-seen time.
/// </summary>
public sealed class StoreStep(KazakhDbContext db, Outlets outlets)
{
    public async Task<IReadOnlyList<StoreOutcome>> SaveAsync(RawCapture raw, ExtractedPage page, bool isSample, CancellationToken ct)
    {
        var url = ArticleUrl(raw.Url, page.CanonicalUrl);
        var outletId = await outlets.ResolveAsync(url, page.SiteName, await SourceOutletAsync(raw.SourceId, ct), ct);

        // Two processes storing the same URL race on the unique index; the loser retries and finds the row.
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // Only a capture that some article now points to is kept: a re-fetch whose articles are
                // unchanged (new ads, a new timestamp) adds no row.
                var capture = await CaptureAsync(raw, page.Cuts, ct);
                var outcomes = new List<StoreOutcome>(page.Articles.Count);
                foreach (var extracted in page.Articles)
                {
                    outcomes.Add(await SaveArticleAsync(url, outletId, capture, raw.FetchedAt, extracted, isSample, ct));
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return outcomes;
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The page's own canonical URL is trusted for files (they have no other) and on the same site;
    /// a republisher pointing its canonical at the wire's page must not overwrite the wire's article.
    /// </summary>
    internal static Uri ArticleUrl(Uri fetched, Uri? canonical)
    {
        // A page's canonical link is the page's own word: only a web address is taken (a javascript: or data: one
        // would become a link on the site).
        if (canonical is null || canonical.Scheme is not ("http" or "https"))
        {
            return CanonicalUrl.Normalize(fetched);
        }

        var fromFile = fetched.Scheme is not ("http" or "https");
        var sameSite = HostKey.Of(fetched.Host) == HostKey.Of(canonical.Host);
        return CanonicalUrl.Normalize(fromFile || sameSite ? canonical : fetched);
    }

    private async Task<int?> SourceOutletAsync(int? sourceId, CancellationToken ct) =>
        sourceId is null ? null : await db.Sources.Where(s => s.Id == sourceId).Select(s => s.OutletId).SingleOrDefaultAsync(ct);

    private async Task<Capture> CaptureAsync(RawCapture raw, IReadOnlyList<string> cuts, CancellationToken ct)
    {
        var hash = CaptureBody.Hash(raw.Bytes);
        var url = raw.Url.AbsoluteUri;
        var existing = await db.Captures.FirstOrDefaultAsync(c => c.Url == url && c.ContentHash == hash, ct);
        return existing ?? new Capture
        {
            Url = url,
            Origin = raw.Origin,
            OriginDetail = raw.OriginDetail,
            SourceId = raw.SourceId,
            FetchedAt = raw.FetchedAt,
            StatusCode = raw.StatusCode,
            ContentType = raw.ContentType,
            ContentHash = hash,
            Length = raw.Bytes.Length,
            Compressed = CaptureBody.Compress(raw.Bytes),
            Cuts = cuts.Count > 0 ? string.Join("; ", cuts) : null,
        };
    }

    private async Task<StoreOutcome> SaveArticleAsync(Uri url, int outletId, Capture capture, DateTimeOffset seenAt,
        ExtractedArticle extracted, bool isSample, CancellationToken ct)
    {
        var canonical = url.AbsoluteUri;
        var title = TitleOf(extracted);
        var text = extracted.Text;
        var hash = ContentHash(title, text);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.CanonicalUrl == canonical && a.Segment == extracted.Segment, ct);
        var now = DateTimeOffset.UtcNow;
        if (article is null)
        {
            var firstSeen = seenAt < now ? seenAt : now;
            article = new Article
            {
                CanonicalUrl = canonical,
                Segment = extracted.Segment,
                OutletId = outletId,
                Title = title,
                Text = text,
                ContentHash = hash,
                FirstSeenAt = firstSeen,
                IsSample = isSample,
                Revision = 0,
            };
            db.Articles.Add(article);
            Apply(article, extracted, capture, firstSeen);
            return StoreOutcome.New;
        }

        if (article.ContentHash == hash)
        {
            return StoreOutcome.Unchanged;
        }

        article.Revisions.Add(new ArticleRevision
        {
            Revision = article.Revision,
            Title = article.Title,
            Body = [.. article.Body.Select(b => new BodyBlock { Kind = b.Kind, Text = b.Text })],
            Text = article.Text,
            ContentHash = article.ContentHash,
            PublishedAt = article.MachinePublishedAt,
            ModifiedAt = article.ModifiedAt,
            CaptureId = article.CaptureId,
            ReplacedAt = now,
        });
        article.Title = title;
        article.Text = text;
        article.ContentHash = hash;
        Apply(article, extracted, capture, now);
        return StoreOutcome.Updated;
    }

    /// <summary>
    /// The fields a new version brings. A date the page no longer prints is kept from the earlier version:
    /// losing it to a layout change would be worse than keeping it.
    /// </summary>
    private static void Apply(Article article, ExtractedArticle extracted, Capture capture, DateTimeOffset storedAt)
    {
        article.Revision++;
        article.Body = [.. extracted.Blocks];
        article.Byline = extracted.Byline;
        article.Dateline = extracted.Dateline;
        article.Language = extracted.Language;
        if (extracted.Published is { } published)
        {
            article.MachinePublishedAt = published.ToUniversalTime();
            article.PublishedInferred = extracted.PublishedInferred;
        }

        article.PublishedAt = PublicationDay.Published(article.MachinePublishedAt, article.PublishedAtByEditor);

        article.ModifiedAt = extracted.Modified?.ToUniversalTime() ?? article.ModifiedAt;
        article.Capture = capture;
        article.UpdatedAt = storedAt;
        // A new version is filed again: its relevance, copies and story may have changed.
        article.ClusteredAt = null;
    }

    internal static string ContentHash(string title, string text) =>
        CaptureBody.Hash(Encoding.UTF8.GetBytes(title + "\n\n" + text));

    /// <summary>A page with no headline is listed by its first sentence, cut at a word.</summary>
    internal static string TitleOf(ExtractedArticle article)
    {
        if (!string.IsNullOrWhiteSpace(article.Title))
        {
            return article.Title.Trim();
        }

        var first = article.Blocks.FirstOrDefault(b => b.Kind == BodyBlockKind.Paragraph)?.Text ?? "Untitled capture";
        var end = first.IndexOfAny(['.', '!', '?']);
        var sentence = end > 0 ? first[..(end + 1)] : first;
        if (sentence.Length <= 120)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', 117);
        return sentence[..(cut > 40 ? cut : 117)] + "…";
    }
}
