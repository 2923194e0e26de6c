using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Corrections;

/// <summary>
/// An editor's corrections of one story: merge it into another (chosen by number or from a short search, then
/// confirmed) or split articles off it. Every form carries the story's version; a change made meanwhile by someone
/// else is shown, with the story as it is now, instead of being overwritten.
/// </summary>
[Authorize(Policy = AccountPolicies.Editor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StoryModel(KazakhDbContext db, IOutputCacheStore cache) : PageModel
{
    /// <summary>Enough stories to find the right one by a word of its headline; more belongs on the story list.</summary>
    private const int MaxCandidates = 15;

    public sealed record StoryLine(long Id, string Headline, int ArticleCount, DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt);

    public sealed record ArticleLine(long Id, string Title, string Outlet, DateTimeOffset? PublishedAt, bool OnTopic);

    public Story Story { get; private set; } = null!;
    public IReadOnlyList<ArticleLine> Articles { get; private set; } = [];
    public IReadOnlyList<StoryLine> Candidates { get; private set; } = [];

    /// <summary>The story chosen to merge into, shown for confirmation.</summary>
    public StoryLine? Target { get; private set; }

    /// <summary>Set when the story changed since the form was shown.</summary>
    public EditConflictException? Conflict { get; private set; }

    [BindProperty(SupportsGet = true), StringLength(InputGuard.MaxValueLength)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Into { get; set; }

    [BindProperty]
    public List<long> ArticleIds { get; set; } = [];

    [BindProperty, StringLength(AuditLimits.Reason), Display(Name = "Reason")]
    public string? Reason { get; set; }

    /// <summary>The story's version the form was rendered from.</summary>
    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Story.EditVersion;
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, CancellationToken ct)
    {
        if (Into is not { } into)
        {
            ModelState.AddModelError(nameof(Into), "Choose the story to merge into.");
        }

        return await EditAsync(id, async by =>
        {
            await StoryEditing.MergeAsync(db, id, Into!.Value, by, ct);
            return $"/stories/{Into}";
        }, ct);
    }

    public async Task<IActionResult> OnPostSplitAsync(long id, CancellationToken ct) =>
        await EditAsync(id, async by => $"/stories/{await StoryEditing.SplitAsync(db, id, ArticleIds, by, ct)}", ct);

    /// <summary>Runs the correction; on success clears the page cache and shows the result, otherwise this page again with why.</summary>
    private async Task<IActionResult> EditAsync(long id, Func<Correction, Task<string>> edit, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var actor = Actor.Of(User);
            try
            {
                var next = await edit(new Correction(actor.AccountId, actor.Email, Reason, Version));
                await PageCache.EvictAsync(cache, ct);
                return Redirect(next);
            }
            catch (StoryEditException e)
            {
                ModelState.AddModelError("", e.Message);
            }
            catch (EditConflictException e)
            {
                Conflict = e;
            }
        }

        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The next attempt is made from what the editor now sees.
        ModelState.Remove(nameof(Version));
        Version = Story.EditVersion;
        Response.StatusCode = Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (story is null)
        {
            return false;
        }

        Story = story;
        Articles = await db.Articles.AsNoTracking().Where(a => a.StoryId == id)
            .OrderBy(a => a.PublishedAt ?? a.FirstSeenAt).ThenBy(a => a.Id)
            .Select(a => new ArticleLine(a.Id, a.Title, a.Outlet.Name, a.PublishedAt, a.OnTopic))
            .ToListAsync(ct);
        var others = db.Stories.AsNoTracking().Where(s => s.Id != id && s.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var words = Q.Trim();
            others = long.TryParse(words, out var number)
                ? others.Where(s => s.Id == number)
                : others.Where(s => EF.Functions.ILike(s.Headline, "%" + EscapeLike(words) + "%", "\\"));
        }

        Candidates = await others.OrderByDescending(s => s.LastPublishedAt).ThenBy(s => s.Id).Take(MaxCandidates)
            .Select(s => new StoryLine(s.Id, s.Headline, s.ArticleCount, s.FirstPublishedAt, s.LastPublishedAt))
            .ToListAsync(ct);
        if (Into is { } into && into != id)
        {
            Target = await db.Stories.AsNoTracking().Where(s => s.Id == into && s.MergedIntoId == null)
                .Select(s => new StoryLine(s.Id, s.Headline, s.ArticleCount, s.FirstPublishedAt, s.LastPublishedAt))
                .FirstOrDefaultAsync(ct);
        }

        return true;
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
