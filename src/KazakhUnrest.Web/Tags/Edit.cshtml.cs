using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Tags;
using KazakhUnrest.Web.Accounts;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Tags;

/// <summary>
/// Every tag change made in the site's forms: create and edit a tag, add or remove a tag on the articles ticked in a list
/// (or all the list's filter matches) and on a story. The forms sit on the pages they act on and post here; each change
/// goes back to where it came from with a line saying what it did.
/// </summary>
[Authorize(Policy = AccountPolicies.Editor)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed partial class EditModel(KazakhDbContext db, IOutputCacheStore cache, ILogger<EditModel> logger) : PageModel
{
    /// <summary>The message the page shown next prints (<see cref="_Status"/> reads it).</summary>
    public const string StatusKey = "TagStatus";

    /// <summary>The slug of the tag to add or remove.</summary>
    [BindProperty]
    public string? Apply { get; set; }

    /// <summary>"add" or "remove", from the button pressed.</summary>
    [BindProperty]
    public string? Operation { get; set; }

    /// <summary>The ticked articles.</summary>
    [BindProperty]
    public List<long> Ids { get; set; } = [];

    /// <summary>True for "all N matching this filter": the server expands <see cref="Selection"/> itself.</summary>
    [BindProperty]
    public bool All { get; set; }

    [BindProperty]
    public BulkSelection? Selection { get; set; }

    [BindProperty]
    public long? StoryId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public bool Retired { get; set; }

    public IActionResult OnGet() => Redirect("/tags");

    /// <summary>Adds or removes a tag on the ticked articles, or on all that the list's filter matches.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await RunAsync(async actor =>
    {
        var tag = await Tagging.FindAsync(db, Apply?.Trim() ?? "", ct);
        object selection;
        IReadOnlyCollection<long> ids;
        if (All)
        {
            ids = await (Selection ?? throw new TagException(TagProblem.Invalid, "the list's filter is missing")).ArticleIdsAsync(db, ct)
                ?? throw new TagException(TagProblem.Invalid, "the list's filter names no list of articles");
            if (ids.Count == 0)
            {
                throw new TagException(TagProblem.Invalid, "no article matches the filter");
            }

            selection = new { filter = Selection };
        }
        else
        {
            ids = Ids;
            selection = new { ids = "selected" };
        }

        var remove = Operation == "remove";
        var result = remove
            ? await Tagging.RemoveFromArticlesAsync(db, tag, ids, selection, actor.AccountId, actor.Email, Reason, ct)
            : await Tagging.AddToArticlesAsync(db, tag, ids, selection, actor.AccountId, actor.Email, Reason, ct);
        LogTagging(logger, remove ? "remove" : "add", tag.Slug, result.Requested, result.Changed, actor.Email);
        return remove
            ? $"Removed “{tag.Name}” from {Articles(result.Changed)} ({result.Requested - result.Changed} of the {result.Requested} did not have it)."
            : $"Tagged {Articles(result.Changed)} “{tag.Name}” ({result.Requested - result.Changed} of the {result.Requested} already had it).";
    }, ct);

    /// <summary>Adds or removes a tag on one story.</summary>
    public async Task<IActionResult> OnPostStoryAsync(CancellationToken ct) => await RunAsync(async actor =>
    {
        var tag = await Tagging.FindAsync(db, Apply?.Trim() ?? "", ct);
        var story = StoryId ?? throw new TagException(TagProblem.Invalid, "no story named");
        var remove = Operation == "remove";
        var result = remove
            ? await Tagging.RemoveFromStoriesAsync(db, tag, [story], actor.AccountId, actor.Email, Reason, ct)
            : await Tagging.AddToStoriesAsync(db, tag, [story], actor.AccountId, actor.Email, Reason, ct);
        return result.Changed == 0
            ? $"Nothing changed: the story {(remove ? "did not have" : "already had")} “{tag.Name}”."
            : $"{(remove ? "Removed" : "Added")} “{tag.Name}” {(remove ? "from" : "to")} the story.";
    }, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ReturnUrl ??= "/tags";
        return await RunAsync(async actor =>
        {
            var tag = await Tagging.CreateAsync(db, Name, Slug, Description, actor.AccountId, actor.Email, ct);
            ReturnUrl = $"/tags/{Uri.EscapeDataString(tag.Slug)}";
            return $"Tag “{tag.Name}” created.";
        }, ct);
    }

    /// <summary>Renames, describes, retires or restores the tag <see cref="Slug"/>.</summary>
    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct) => await RunAsync(async actor =>
    {
        var tag = await Tagging.UpdateAsync(db, Slug?.Trim() ?? "", new TagChange(Name, Description ?? "", Retired), actor.AccountId, actor.Email,
            Reason, ct);
        return $"Tag “{tag.Name}” saved.";
    }, ct);

    private async Task<IActionResult> RunAsync(Func<Actor, Task<string>> edit, CancellationToken ct)
    {
        try
        {
            TempData[StatusKey] = await edit(Actor.Of(User));
            await PageCache.EvictAsync(cache, ct);
        }
        catch (TagException e) when (e.Problem == TagProblem.NotFound && ReturnUrl is null)
        {
            return NotFound();
        }
        catch (TagException e)
        {
            TempData[StatusKey] = "Not done: " + e.Message + ".";
        }

        // Only back into this site: the field comes from the form.
        return Redirect(ReturnUrl is { } back && Url.IsLocalUrl(back) ? back : "/tags");
    }

    private static string Articles(int count) => count == 1 ? "1 article" : $"{count} articles";

    [LoggerMessage(Level = LogLevel.Information, Message = "Tag {TagSlug} {TagOperation} on {Requested} articles: {Changed} changed, by {Email}")]
    private static partial void LogTagging(ILogger logger, string tagOperation, string tagSlug, int requested, int changed, string email);
}
