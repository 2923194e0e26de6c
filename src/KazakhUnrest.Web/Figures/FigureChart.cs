using System.Globalization;
using KazakhUnrest.Core.Figures;
using KazakhUnrest.Web.Shared;

namespace KazakhUnrest.Web.Figures;

/// <summary>
/// One measure in one unit drawn over the days its figures refer to, one series per outlet or source, laid out as
/// every chart is (<see cref="SvgChart"/>).
/// </summary>
public sealed record FigureChart(string Label, ChartAxes Axes, IReadOnlyList<FigureChart.Series> Lines, int Unplotted)
{
    public SvgChart Frame => Axes.Frame;

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

    /// <param name="measure">The measure as a reader says it, its place included.</param>
    public static FigureChart Build(string measure, string unit, string by, IReadOnlyList<FigureQueries.Row> rows,
        Func<FigureQueries.Row, string> seriesOf, Func<string, string> colourOf)
    {
        // An older figure retold (the earlier toll, the value before a change) is no report of the day it was printed; the table keeps it.
        var plotted = rows
            .Where(r => !r.Background && r.ReferenceDay is not null)
            .Select(r => (Row: r, Day: r.ReferenceDay!.Value, Interval: FigureTracks.Interval(r.Low, r.High, r.Qualifier, r.Vague)))
            .Where(p => p.Interval is not null)
            .Select(p => (p.Row, p.Day, Interval: p.Interval!.Value))
            .ToList();
        if (plotted.Count == 0)
        {
            return new FigureChart("", new ChartAxes(Layout(1), [], []), [], rows.Count);
        }

        var first = plotted.Min(p => p.Day);
        var last = plotted.Max(p => p.Day);
        var span = last.DayNumber - first.DayNumber;
        var frame = Layout(plotted.Max(p => p.Row.Vague is null ? p.Row.High ?? p.Interval.Low : p.Interval.Low));
        int X(DateOnly day) => frame.Left + (span == 0 ? frame.PlotWidth / 2 : (day.DayNumber - first.DayNumber) * frame.PlotWidth / span);

        Point PointOf((FigureQueries.Row Row, DateOnly Day, FigureInterval Interval) p)
        {
            var range = p.Row.Vague is null && p.Row.High > p.Row.Low;
            var y = p.Row.Vague is null ? frame.Y(range ? (p.Row.Low!.Value + p.Row.High!.Value) / 2 : p.Row.Low!.Value) : frame.Y(p.Interval.Low);
            var title = $"{p.Row.Outlet} · {p.Row.AttributedTo ?? "not attributed"} · {p.Day.ToString("d MMMM yyyy", Invariant)}: {p.Row.Value} {p.Row.Unit}"
                + (p.Row.IsSample ? " (sample data)" : "");
            return new Point(p.Row, X(p.Day), y, range ? (frame.Y(p.Row.Low!.Value), frame.Y(p.Row.High!.Value)) : null, p.Row.Vague is not null, title);
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
            .Select(d => new SvgChart.Tick(X(d), d.ToString("d MMM", Invariant))).ToList();
        var days = span == 0 ? first.ToString("d MMMM yyyy", Invariant) : $"{first.ToString("d MMMM", Invariant)} to {last.ToString("d MMMM yyyy", Invariant)}";
        var label = $"Chart of {plotted.Count} {measure} figures in {unit} by {by}, {days}, in {groups.Count} series; the table below lists every value.";
        return new FigureChart(label, new ChartAxes(frame, xTicks, frame.ValueTicks(), "Day the figure refers to", unit), series,
            rows.Count - plotted.Count);
    }

    private static SvgChart Layout(decimal largest) => SvgChart.UpTo(largest, plotWidth: 560, plotHeight: 180, left: 64, top: 12, below: 48);
}
