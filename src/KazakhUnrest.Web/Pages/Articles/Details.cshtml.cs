using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.Web.Pages.Articles;

public sealed class DetailsModel(KazakhDbContext db) : PageModel
{
    public Article Article { get; private set; } = null!;
    public CaptureInfo? Capture { get; private set; }

    public sealed record CaptureInfo(long Id, CaptureOrigin Origin, string? OriginDetail, string Url, DateTimeOffset FetchedAt,
        string? ContentType, long Length, string ContentHash);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Include(a => a.Outlet)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        if (article.CaptureId is { } captureId)
        {
            Capture = await db.Captures.AsNoTracking()
                .Where(c => c.Id == captureId)
                .Select(c => new CaptureInfo(c.Id, c.Origin, c.OriginDetail, c.Url, c.FetchedAt, c.ContentType, c.Length, c.ContentHash))
                .FirstOrDefaultAsync(ct);
        }

        return Page();
    }
}
