using ScottPlot;

namespace Econometrics.Reporting;

/// <summary>Creates and saves ScottPlot figures in the toolkit's house style (headless, sans-serif, white).</summary>
public static class Figures
{
    /// <summary>The font every figure uses; DejaVu Sans ships with Debian's base images.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Default width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default height in pixels.</summary>
    public const int DefaultHeight = 500;

    /// <summary>A new plot with a title, axis labels and the house font.</summary>
    /// <param name="title">The title.</param>
    /// <param name="xLabel">The horizontal axis label.</param>
    /// <param name="yLabel">The vertical axis label.</param>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(title); ArgumentNullException.ThrowIfNull(xLabel); ArgumentNullException.ThrowIfNull(yLabel);
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Font.Set(FontName);
        // Invariant, separator-free tick labels: years print as 1936, not "1,936".
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Tick };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Tick };
        return plot;
    }

    /// <summary>
    /// Heatmap of a square matrix in a symmetric range [-range, range] on a diverging scale (0 white, positive red,
    /// negative blue), row 0 at the top, one discrete cell per entry; labelled on both axes when there are at most 60 rows.
    /// </summary>
    /// <param name="title">The title.</param>
    /// <param name="cells">The matrix, in display order.</param>
    /// <param name="labels">Names of the rows (= columns) in display order; null for none.</param>
    /// <param name="range">Half-width of the colour scale.</param>
    /// <param name="axisTitle">Title of both axes (e.g. the entity column).</param>
    public static Plot MatrixHeatmap(string title, double[,] cells, IReadOnlyList<string>? labels, double range, string axisTitle = "")
    {
        ArgumentNullException.ThrowIfNull(cells);
        int d = cells.GetLength(0);
        var plot = Create(title, axisTitle, axisTitle);
        var hm = plot.Add.Heatmap(cells);
        hm.Colormap = new ScottPlot.Colormaps.Balance();
        hm.ManualRange = new ScottPlot.Range(-range, range);
        hm.Rectangle = new CoordinateRect(-0.5, d - 0.5, -0.5, d - 0.5);
        plot.Add.ColorBar(hm);
        var pos = Enumerable.Range(0, d).Select(i => (double)i).ToArray();
        if (labels is not null && d <= 60)
        {
            plot.Axes.Left.SetTicks(pos, [.. labels.Reverse()]);
            if (d > 30)
            {
                // Too many names for both axes of an 800 x 500 figure: the rows carry them, the columns follow the rows.
                plot.Axes.Left.TickLabelStyle.FontSize = 8;
                plot.Axes.Bottom.SetTicks([], []);
                plot.Axes.Bottom.Label.Text = (axisTitle.Length > 0 ? axisTitle + ", " : "") + "columns in the order of the rows";
            }
            else
            {
                plot.Axes.Bottom.SetTicks(pos, [.. labels]);
                if (d > 15 || labels.Max(l => l.Length) * d > 90)
                {
                    // Vertical names hang down from their ticks; the axis panel grows to hold the longest (ScottPlot does
                    // not reserve room for rotated labels by itself).
                    plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
                    plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
                    using var paint = Paint.NewDisposablePaint();
                    float widest = labels.Max(l => plot.Axes.Bottom.TickLabelStyle.Measure(l, paint).Width);
                    plot.Axes.Bottom.MinimumSize = widest + 30;
                }
            }
        }
        else
        {
            // Positions in display order are not identifiers: no numeric ticks that could be read as unit labels.
            plot.Axes.Bottom.SetTicks([], []);
            plot.Axes.Left.SetTicks([], []);
        }
        plot.Axes.SetLimits(-0.5, d - 0.5, -0.5, d - 0.5);
        plot.HideGrid();
        return plot;
    }

    /// <summary>
    /// Shows the legend outside the data area, so that it can never cover the data: in one row under the plot, or in a
    /// column to its right when there are more than <paramref name="maxInRow"/> entries.
    /// </summary>
    /// <param name="plot">The plot.</param>
    /// <param name="maxInRow">Most entries laid out in one row under the plot.</param>
    public static void ShowLegendOutside(this Plot plot, int maxInRow = 4)
    {
        ArgumentNullException.ThrowIfNull(plot);
        int entries = plot.GetPlottables().Sum(p => p.LegendItems.Count(i => !string.IsNullOrEmpty(i.LabelText)));
        if (entries <= maxInRow)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Horizontal;
        }
        else plot.ShowLegend(Edge.Right);
        plot.Legend.FontName = FontName;
    }

    private static string Tick(double v) => Math.Round(v, 10).ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Saves a plot as PNG or SVG, chosen by the file extension.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="path">A path ending in .png or .svg.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void SaveFigure(this Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".png" or ".svg"))
            throw new ArgumentException($"Plot path '{path}' must end in .png or .svg.", nameof(path));
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        if (ext == ".png") plot.SavePng(path, width, height);
        else File.WriteAllText(path, plot.ToSvg(width, height));
    }

    /// <summary>The plot as an SVG document, for inlining into HTML reports.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <remarks>
    /// Raster layers (heatmap cells) are marked <c>image-rendering: pixelated</c>: browsers would otherwise smooth an
    /// 11 x 11 matrix into a contour map, while the PNG shows discrete cells.
    /// </remarks>
    public static string ToSvg(this Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetSvgXml(width, height).Replace("<image ", "<image style=\"image-rendering:pixelated\" ", StringComparison.Ordinal);
    }
}
