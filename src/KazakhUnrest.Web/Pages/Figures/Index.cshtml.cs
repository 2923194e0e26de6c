using KazakhUnrest.Core.Data;
using KazakhUnrest.Web.Figures;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KazakhUnrest.Web.Pages.Figures;

public sealed class IndexModel(KazakhDbContext db) : PageModel
{
    public string? Measure { get; private set; }
    public IReadOnlyList<string> Measures { get; private set; } = [];
    public IReadOnlyList<FigureQueries.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? measure, CancellationToken ct)
    {
        Measure = string.IsNullOrWhiteSpace(measure) ? null : measure;
        Measures = await FigureQueries.MeasuresAsync(db, ct);
        Rows = await FigureQueries.RowsAsync(db, Measure, ct);
    }
}
