using System.Globalization;

namespace KazakhUnrest.Web.Shared;

/// <summary>
/// How every chart on the site is laid out: a plot area inside margins for the axes, and values from zero at its bottom
/// to a round <see cref="Max"/> at its top. The <c>_ChartAxes</c> and <c>_ChartLegend</c> partials draw what the charts
/// share, and site.css styles them under <c>.svg-chart</c>, so the charts read alike. Coordinates are whole pixels:
/// they go into SVG attributes, which must not pick up a culture's decimal comma.
/// </summary>
/// <param name="Left">Room left of the plot for the value labels and the value axis title.</param>
/// <param name="Below">Room under the plot for the tick labels and the axis title.</param>
public sealed record SvgChart(int PlotWidth, int PlotHeight, int Left, int Top, int Below, decimal Max)
{
    // Room right of the plot, so the last tick label is not cut off.
    private const int RightMargin = 16;

    public int Width => Left + PlotWidth + RightMargin;
    public int Height => Top + PlotHeight + Below;
    public int Right => Left + PlotWidth;
    public int Bottom => Top + PlotHeight;

    public sealed record Tick(int At, string Label);

    /// <summary>A chart whose value axis ends at a round number no lower than <paramref name="largest"/>.</summary>
    public static SvgChart UpTo(decimal largest, int plotWidth, int plotHeight, int left, int top, int below) =>
        new(plotWidth, plotHeight, left, top, below, RoundUp(largest));

    /// <summary>How far up the plot a value reaches.</summary>
    public int Length(decimal value) => (int)Math.Round(value * PlotHeight / Max);

    public int Y(decimal value) => Bottom - Length(value);

    /// <summary>Zero, half way and the top of the value axis; for counts, half way only when it is a whole number.</summary>
    public IReadOnlyList<Tick> ValueTicks(bool counts = false) =>
        [.. new[] { 0, Max / 2, Max }
            .Where(v => !counts || v == decimal.Truncate(v))
            .Select(v => new Tick(Y(v), v.ToString("#,0.##", CultureInfo.InvariantCulture)))];

    /// <summary>1, 2, 2.5 or 5 times a power of ten, so the axis and its half read in round numbers.</summary>
    public static decimal RoundUp(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        return new[] { 1m, 2m, 2.5m, 5m, 10m }.Select(m => m * power).First(m => m >= value);
    }
}

/// <summary>
/// What <c>_ChartAxes</c> draws inside a chart's SVG: a gridline and label at each value tick, a mark and label under
/// the plot at each tick across, the value axis, and the axes' titles when given.
/// </summary>
public sealed record ChartAxes(SvgChart Frame, IReadOnlyList<SvgChart.Tick> Across, IReadOnlyList<SvgChart.Tick> Up,
    string? AcrossTitle = null, string? UpTitle = null);

/// <summary>One line of a chart's legend: a series' name beside its colour.</summary>
public sealed record ChartKey(string Name, string Colour);
