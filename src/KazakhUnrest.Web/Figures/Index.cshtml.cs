using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Figures;
using KazakhUnrest.Web.Figures;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Figures;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(KazakhDbContext db) : PageModel
{
    public const string NotAttributed = "not attributed";

    // A row links the first few figures it disagrees with; the count says how many more.
    public const int ShownDisagreements = 3;

    // Okabe–Ito without its yellow, which is unreadable on white; names in the legend and tooltips carry the meaning too.
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"];

    public string? Measure { get; private set; }

    /// <summary>Group and colour by attributed source instead of by outlet.</summary>
    public bool BySource { get; private set; }

    public IReadOnlyList<string> Measures { get; private set; } = [];
    public FigureQueries.Result Figures { get; private set; } = new([], new Dictionary<long, FigureQueries.Row>(), false);
    public IReadOnlyList<Section> Sections { get; private set; } = [];

    private HashSet<long> _shown = [];

    /// <summary>
    /// One measure in one place and one unit: tenge and dollar prices are never drawn on one axis, nor the dead of
    /// Almaty beside the dead of the whole country.
    /// </summary>
    /// <param name="Place">The place's entity id; null for the whole country.</param>
    public sealed record Section(string Measure, string? Place, string? PlaceName, string Unit, FigureChart Chart, IReadOnlyList<Group> Groups)
    {
        public string Id => Place is null ? $"m-{Measure}-{Unit}" : $"m-{Measure}-{Place}-{Unit}";

        public string Label => Title(Measure, PlaceName);
    }

    /// <summary>"killed", "killed in Almaty".</summary>
    public static string Title(string measure, string? placeName) =>
        placeName is null ? FigureMeasures.Label(measure) : $"{FigureMeasures.Label(measure)} in {placeName}";

    public sealed record Group(string Name, string Colour, IReadOnlyList<FigureQueries.Row> Rows);

    public async Task OnGetAsync(string? measure, string? by, CancellationToken ct)
    {
        Measure = string.IsNullOrWhiteSpace(measure) ? null : measure;
        BySource = by == "source";
        Measures = await FigureQueries.MeasuresAsync(db, ct);
        Figures = await FigureQueries.RowsAsync(db, Measure, ct);
        _shown = [.. Figures.Rows.Select(r => r.Id)];

        // One colour per outlet or source across the page, so a series looks the same in every chart.
        var names = Figures.Rows.Select(SeriesOf).Distinct().Order(StringComparer.Ordinal).ToList();
        string ColourOf(string name) => Colours[names.IndexOf(name) % Colours.Length];

        Sections = [.. Figures.Rows
            .GroupBy(r => (r.Measure, r.Place, r.PlaceName, r.Unit))
            .OrderBy(g => g.Key.Measure, StringComparer.Ordinal).ThenBy(g => g.Key.Place is not null).ThenBy(g => g.Key.Place, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Unit, StringComparer.Ordinal)
            .Select(g => new Section(g.Key.Measure, g.Key.Place, g.Key.PlaceName, g.Key.Unit,
                FigureChart.Build(Title(g.Key.Measure, g.Key.PlaceName), g.Key.Unit, BySource ? "attributed source" : "outlet", [.. g], SeriesOf, ColourOf),
                [.. g.GroupBy(SeriesOf).OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => new Group(s.Key, ColourOf(s.Key), [.. s.OrderBy(r => r.ReferenceDay ?? DateOnly.MaxValue)]))]))];
    }

    public string SeriesOf(FigureQueries.Row row) => BySource ? row.AttributedTo ?? NotAttributed : row.Outlet;

    /// <summary>A link to another figure: on this page when it is shown, else on its own measure's page.</summary>
    public string FigureHref(FigureQueries.Row row) =>
        _shown.Contains(row.Id) ? $"#f{row.Id}" : $"?measure={Uri.EscapeDataString(row.Measure)}{(BySource ? "&by=source" : "")}#f{row.Id}";

    public string Query(string? by) =>
        string.Join("&", new[] { Measure is null ? null : "measure=" + Uri.EscapeDataString(Measure), by is null ? null : "by=" + by }.OfType<string>());
}
