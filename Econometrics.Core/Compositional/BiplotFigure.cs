using System.Globalization;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Econometrics.Compositional;

/// <summary>Draws a two-dimensional biplot: row points and column arrows sharing one pair of axes.</summary>
internal static class BiplotFigure
{
    private static readonly Color Arrow = Color.FromHex("#b2182b");
    private static readonly Color Point = Color.FromHex("#4d4d4d");

    public static Plot Draw(Matrix<double> rows, Matrix<double> cols, IReadOnlyList<string> names, Vector<double> proportion, string title)
    {
        double rowReach = 0, colReach = 0;
        for (int i = 0; i < rows.RowCount; i++) rowReach = Math.Max(rowReach, Math.Sqrt(rows[i, 0] * rows[i, 0] + rows[i, 1] * rows[i, 1]));
        for (int j = 0; j < cols.RowCount; j++) colReach = Math.Max(colReach, Math.Sqrt(cols[j, 0] * cols[j, 0] + cols[j, 1] * cols[j, 1]));
        // One display factor for the arrows so that the longest reaches 90% of the farthest sample.
        double factor = colReach > 0 ? 0.9 * rowReach / colReach : 1.0;
        string factorText = factor.ToString("G3", CultureInfo.InvariantCulture);

        var plot = Figures.Create($"{title} (arrows x {factorText})",
            $"Axis 1 ({ClrPcaResult.Percent(proportion[0])})", $"Axis 2 ({ClrPcaResult.Percent(proportion[1])})");
        var x = Enumerable.Range(0, rows.RowCount).Select(i => rows[i, 0]).ToArray();
        var y = Enumerable.Range(0, rows.RowCount).Select(i => rows[i, 1]).ToArray();
        var pts = plot.Add.ScatterPoints(x, y);
        pts.MarkerSize = rows.RowCount > 500 ? 3 : 6;
        pts.Color = Point.WithAlpha(rows.RowCount > 500 ? 0.4 : 0.8);

        double reach = rowReach;
        // Part names start at their arrow tips, outward, and are pushed off each other and off the arrows (short arrows
        // crowd near the origin).
        var labels = new RepelledLabels();
        labels.Style.ForeColor = Arrow;
        for (int j = 0; j < cols.RowCount; j++)
        {
            double ax = factor * cols[j, 0], ay = factor * cols[j, 1];
            var arrow = plot.Add.Arrow(new Coordinates(0, 0), new Coordinates(ax, ay));
            arrow.ArrowLineColor = Arrow;
            arrow.ArrowFillColor = Arrow;
            arrow.ArrowLineWidth = 0;
            arrow.ArrowWidth = 1.5f;
            arrow.ArrowheadWidth = 8;
            arrow.ArrowheadLength = 10;
            if (cols.RowCount <= 60)
            {
                labels.Add(names[j], new Coordinates(ax, ay), ax, ay);
                labels.AddObstacle(new Coordinates(0, 0), new Coordinates(ax, ay));
            }
        }
        var zeroX = plot.Add.HorizontalLine(0); zeroX.Color = Colors.Gray.WithAlpha(0.5); zeroX.LinePattern = LinePattern.Dashed;
        var zeroY = plot.Add.VerticalLine(0); zeroY.Color = Colors.Gray.WithAlpha(0.5); zeroY.LinePattern = LinePattern.Dashed;
        plot.Add.Plottable(labels);
        double lim = 1.15 * (reach > 0 ? reach : 1);
        plot.Axes.SetLimits(-lim, lim, -lim, lim);
        plot.Axes.SquareUnits();
        return plot;
    }
}
