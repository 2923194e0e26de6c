using System.Security.Claims;
using KazakhUnrest.Core.Data;

namespace KazakhUnrest.Web.Tags;

/// <summary>What the tag partials need from the page that shows them.</summary>
public static class TagForms
{
    /// <summary>The form every list's checkboxes belong to (through their <c>form</c> attribute, so a list needs no wrapping form).</summary>
    public const string BulkFormId = "bulk-tag";

    /// <summary>
    /// Whether to render editing controls: only for a signed-in editor or admin, whose pages the page cache never
    /// stores, so no reader is ever served a page with them.
    /// </summary>
    public static bool IsEditor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(Role.Editor) || user.IsInRole(Role.Admin));

    /// <param name="Total">How many articles the list's filter matches, for "all N matching".</param>
    /// <param name="ReturnUrl">The list's own address, to come back to.</param>
    public sealed record BulkForm(BulkSelection Selection, int Total, string ReturnUrl)
    {
        public static BulkForm ForStory(long story, int articles) => new(BulkSelection.ForStory(story), articles, $"/stories/{story}");

        public static BulkForm ForTag(string slug, int articles) =>
            new(BulkSelection.ForArticles(null, "all", null, null, slug), articles, $"/tags/{Uri.EscapeDataString(slug)}");
    }
}
