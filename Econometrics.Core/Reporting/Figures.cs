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
