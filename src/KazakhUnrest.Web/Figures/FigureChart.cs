using System.Globalization;
using KazakhUnrest.Core.Figures;

namespace KazakhUnrest.Web.Figures;

/// <summary>
/// One measure in one unit drawn over the days its figures refer to, one series per outlet or source. Coordinates
/// are whole pixels: they go into SVG attributes, which must not pick up a culture's decimal comma.
/// </summary>
public sealed record FigureChart(string Label, IReadOnlyList<FigureChart.Tick> XTicks, IReadOnlyList<FigureChart.Tick> YTicks,
    IReadOnlyList<FigureChart.Series> Lines, int Unplotted)
{
    public const int Width = 640, Height = 240, Left = 64, Top = 12, PlotWidth = 560, PlotHeight = 180;
    public const int Bottom = Top + PlotHeight, Right = Left + PlotWidth;

    public sealed record Tick(int At, string Label);

    /// <param name="Bar">A range's bar from its low to its high end; null for a single value.</param>
    /// <param name="Open">A vague quantity, drawn open at the lower bound of what it allows and labelled with its word.</param>
    public sealed record Point(FigureQueries.Row Row, int X, int Y, (int Low, int High)? Bar, bool Open, string Title);

    /// <param name="Joined">Whether a line joins the points: one outlet's or source's figures over time, not a bundle of many.</param>
    public sealed record Series(string Name, string Colour, IReadOnlyList<Point> Points, bool Joined = true)
    {
        public string Line => string.Join(' ', Points.Select(p => $"{p.X},{p.Y}"));
    }

    // More series than colours can tell apart: the ones with most figures keep theirs, the rest are drawn grey and unjoined.
    private const int MaxSeries = 8;
    private const string OtherColour = "#bbbbbb";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static FigureChart Build(string measure, string unit, string by, IReadOnlyList<FigureQueries.Row> rows,
        Func<FigureQueries.Row, string> seriesOf, Func<string, string> colourOf)
    {
        // The value before a change belongs to an earlier day than its sentence gives; the table keeps it.
        var plotted = rows
            .Where(r => r.Change != "from" && r.ReferenceDay is not null)
            .Select(r => (Row: r, Day: r.ReferenceDay!.Value, Interval: FigureTracks.Interval(r.Low, r.High, r.Qualifier, r.Vague)))
            .Where(p => p.Interval is not null)
            .Select(p => (p.Row, p.Day, Interval: p.Interval!.Value))
            .ToList();
        if (plotted.Count == 0)
        {
            return new FigureChart("", [], [], [], rows.Count);
        }

        var first = plotted.Min(p => p.Day);
        var last = plotted.Max(p => p.Day);
        var span = last.DayNumber - first.DayNumber;
        var max = Ceiling(plotted.Max(p => p.Row.Vague is null ? p.Row.High ?? p.Interval.Low : p.Interval.Low));
        int X(DateOnly day) => span == 0 ? Left + PlotWidth / 2 : Left + (day.DayNumber - first.DayNumber) * PlotWidth / span;
        int Y(decimal value) => Bottom - (int)Math.Round(value * PlotHeight / max);

        Point PointOf((FigureQueries.Row Row, DateOnly Day, FigureInterval Interval) p)
        {
            var range = p.Row.Vague is null && p.Row.High > p.Row.Low;
            var y = p.Row.Vague is null ? Y(range ? (p.Row.Low!.Value + p.Row.High!.Value) / 2 : p.Row.Low!.Value) : Y(p.Interval.Low);
            var title = $"{p.Row.Outlet} · {p.Row.AttributedTo ?? "not attributed"} · {p.Day.ToString("d MMMM yyyy", Invariant)}: {p.Row.Value} {p.Row.Unit}"
                + (p.Row.IsSample ? " (sample data)" : "");
            return new Point(p.Row, X(p.Day), y, range ? (Y(p.Row.Low!.Value), Y(p.Row.High!.Value)) : null, p.Row.Vague is not null, title);
        }

        var groups = plotted.GroupBy(p => seriesOf(p.Row)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var kept = groups.Count <= MaxSeries ? groups : groups.Take(MaxSeries - 1).ToList();
        var series = kept
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Series(g.Key, colourOf(g.Key), [.. g.OrderBy(p => p.Day).Select(PointOf)]))
            .ToList();
        var rest = groups.Skip(kept.Count).ToList();
        if (rest.Count > 0)
        {
            series.Add(new Series($"{rest.Count} other {by}s", OtherColour, [.. rest.SelectMany(g => g).OrderBy(p => p.Day).Select(PointOf)], Joined: false));
        }

        var step = Math.Max(1, (int)Math.Ceiling((span + 1) / 8.0));
        var xTicks = Enumerable.Range(0, span / step + 1).Select(i => first.AddDays(i * step))
            .Select(d => new Tick(X(d), d.ToString("d MMM", Invariant))).ToList();
        var yTicks = Enumerable.Range(0, 3).Select(i => max * i / 2).Select(v => new Tick(Y(v), v.ToString("#,0.##", Invariant))).ToList();
        var days = span == 0 ? first.ToString("d MMMM yyyy", Invariant) : $"{first.ToString("d MMMM", Invariant)} to {last.ToString("d MMMM yyyy", Invariant)}";
        var label = $"Chart of {plotted.Count} {measure} figures in {unit} by {by}, {days}, in {groups.Count} series; the table below lists every value.";
        return new FigureChart(label, xTicks, yTicks, series, rows.Count - plotted.Count);
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten, so the axis and its half read in round numbers.</summary>
    private static decimal Ceiling(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        return new[] { 1m, 2m, 2.5m, 5m, 10m }.Select(m => m * power).First(m => m >= value);
    }
}
