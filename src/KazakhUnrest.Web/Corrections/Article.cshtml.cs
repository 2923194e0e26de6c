using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Dates;
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
/// An editor's corrections of one article: on or off topic (or back to the machine's decision), and its publication
/// date, kept beside the machine's. The forms carry the article's version; a change made meanwhile by someone else is
/// shown, with the article as it is now, instead of being overwritten.
/// </summary>
[Authorize(Policy = AccountPolicies.Editor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ArticleModel(KazakhDbContext db, IOutputCacheStore cache) : PageModel
{
    /// <summary>The relevance choices of the form: the editor's word either way, or the machine's score again.</summary>
    public const string On = "on", Off = "off", Machine = "machine";

    public Article Article { get; private set; } = null!;

    public EditConflictException? Conflict { get; private set; }

    [BindProperty, RegularExpression("on|off|machine")]
    public string? Topic { get; set; }

    /// <summary>The editor's publication time, read as UTC; empty with <see cref="ClearDate"/> gives the machine's back.</summary>
    [BindProperty, DataType(DataType.DateTime)]
    public DateTime? PublishedAt { get; set; }

    [BindProperty]
    public bool ClearDate { get; set; }

    [BindProperty, StringLength(AuditLimits.Reason), Display(Name = "Reason")]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Article.EditVersion;
        return Page();
    }

    public Task<IActionResult> OnPostRelevanceAsync(long id, CancellationToken ct)
    {
        if (Topic is null)
        {
            ModelState.AddModelError(nameof(Topic), "Choose on topic, off topic or the machine's decision.");
        }

        bool? onTopic = Topic switch { On => true, Off => false, _ => null };
        return EditAsync(id, by => StoryEditing.SetRelevanceAsync(db, id, onTopic, by, ct), ct);
    }

    public Task<IActionResult> OnPostDateAsync(long id, CancellationToken ct)
    {
        if (PublishedAt is null && !ClearDate)
        {
            ModelState.AddModelError(nameof(PublishedAt), "Give the publication date and time (UTC), or choose the machine's date again.");
        }

        DateTimeOffset? published = ClearDate || PublishedAt is not { } at ? null : new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        return EditAsync(id, by => PublishedDateCorrection.SetAsync(db, id, published, by, ct), ct);
    }

    private async Task<IActionResult> EditAsync(long id, Func<Correction, Task> edit, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var actor = Actor.Of(User);
            try
            {
                await edit(new Correction(actor.AccountId, actor.Email, Reason, Version));
                await PageCache.EvictAsync(cache, ct);
                return Redirect($"/articles/{id}");
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

        ModelState.Remove(nameof(Version));
        Version = Article.EditVersion;
        Response.StatusCode = Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Outlet).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return false;
        }

        Article = article;
        return true;
    }
}
