using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Core.Quotes;
using KazakhUnrest.Web.Shared;
using KazakhUnrest.Web.Stories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Stories;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class ComparisonModel(KazakhDbContext db) : PageModel
{
    // A story told by 150 outlets is read from its first reports; the rest are one click away.
    public const int MaxColumns = 30;

    public ComparisonQueries.Comparison Comparison { get; private set; } = null!;

    /// <summary>The outlets shown side by side: the first to report, or all with ?all=true.</summary>
    public IReadOnlyList<ComparisonQueries.Column> Columns { get; private set; } = [];

    public int Hidden => Comparison.Outlets.Count - Columns.Count;

    public async Task<IActionResult> OnGetAsync(long id, bool all, CancellationToken ct)
    {
        var final = await StoryQueries.FinalIdAsync(db, id, ct);
        if (final != id)
        {
            return RedirectPermanent($"/stories/{final}/comparison");
        }

        var comparison = await ComparisonQueries.GetAsync(db, id, ct);
        if (comparison is null)
        {
            return NotFound();
        }

        Comparison = comparison;
        Columns = all ? comparison.Outlets : [.. comparison.Outlets.Take(MaxColumns)];
        return Page();
    }

    /// <summary>"2 quotes: 1 direct, 1 reported".</summary>
    public static string QuoteCounts(ComparisonQueries.SpeakerItem s) =>
        $"{s.Quotes} quote{(s.Quotes == 1 ? "" : "s")}: " + string.Join(", ", new[] { (s.Direct, "direct"), (s.Partial, "partial"), (s.Reported, "reported") }
            .Where(k => k.Item1 > 0).Select(k => $"{k.Item1} {k.Item2}"));

    public static string QuoteKindLabel(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "direct quote",
        QuoteKind.Partial => "partial quote",
        _ => "reported",
    };
}
