using System.Globalization;
using KazakhUnrest.Core.Audit;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Timeline;

/// <summary>An editor pins a milestone on the timeline, edits it or unpins it.</summary>
[Authorize(Policy = AccountPolicies.Editor)]
public sealed class MilestoneModel(KazakhDbContext db, IOutputCacheStore cache) : PageModel
{
    [BindProperty]
    public DateOnly Day { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Article numbers separated by spaces or commas ("12, 40").</summary>
    [BindProperty]
    public string? Articles { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public uint Version { get; set; }

    public long? Id { get; private set; }

    public string? Refused { get; private set; }

    /// <summary>Set after a conflict: the milestone as another editor left it, now in the form.</summary>
    public MilestoneState? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, DateOnly? day, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            Day = day ?? TimelineQueries.FirstDay;
            return Page();
        }

        return await LoadAsync(id.Value, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSaveAsync(long? id, CancellationToken ct)
    {
        Id = id;
        var actor = Actor.Of(User);
        try
        {
            var input = new MilestoneInput(Day, Title, Note, ParseArticles(Articles));
            var saved = id is null
                ? await TimelineEditing.PinAsync(db, actor.AccountId, actor.Email, input, Reason, ct)
                : await TimelineEditing.UpdateAsync(db, actor.AccountId, actor.Email, id.Value, Version, input, Reason, ct);
            await PageCache.EvictAsync(cache, ct);
            return Redirect($"/timeline?day={saved.Date:yyyy-MM-dd}#milestone-{saved.Id}");
        }
        catch (EditRefusedException e)
        {
            return await RefusedAsync(e, ct);
        }
    }

    public async Task<IActionResult> OnPostUnpinAsync(long id, CancellationToken ct)
    {
        Id = id;
        var actor = Actor.Of(User);
        try
        {
            await TimelineEditing.UnpinAsync(db, actor.AccountId, actor.Email, id, Version, Reason, ct);
            await PageCache.EvictAsync(cache, ct);
            return Redirect($"/timeline?day={Day:yyyy-MM-dd}");
        }
        catch (EditRefusedException e)
        {
            return await RefusedAsync(e, ct);
        }
    }

    private async Task<IActionResult> RefusedAsync(EditRefusedException e, CancellationToken ct)
    {
        Refused = e.Message;
        if (e.Refusal == EditRefusal.Conflict && e.Current is MilestoneState current)
        {
            // The other editor's version goes into the form: nothing of theirs is overwritten unless this editor submits again.
            Current = current;
            ModelState.Clear();
            await LoadAsync(current.Id, ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            Response.StatusCode = e.Refusal == EditRefusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var row = await db.TimelineMilestones.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Date, m.Title, m.Note, m.ArticleIds, Version = EF.Property<uint>(m, "xmin") }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }

        (Day, Title, Note, Articles, Version) = (row.Date, row.Title, row.Note, string.Join(", ", row.ArticleIds), row.Version);
        return true;
    }

    private static List<long> ParseArticles(string? text)
    {
        var ids = new List<long>();
        foreach (var part in (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var number = part.TrimStart('#');
            if (number.StartsWith("/articles/", StringComparison.Ordinal))
            {
                number = number["/articles/".Length..];
            }

            ids.Add(long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : throw EditRefusedException.Invalid($"'{part}' is not an article number"));
        }

        return ids;
    }
}
