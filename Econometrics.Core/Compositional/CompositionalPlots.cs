using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Econometrics.Compositional;

/// <summary>The figures of the compositional toolkit: clustered heatmap, partial-correlation network, ternary diagram.</summary>
internal static class CompositionalPlots
{
    private static readonly Color Positive = Color.FromHex("#b2182b");
    private static readonly Color Negative = Color.FromHex("#2166ac");

    /// <summary>Heatmap of a symmetric matrix in [-1, 1], rows and columns in clustered order.</summary>
    public static Plot Heatmap(Matrix<double> m, IReadOnlyList<string> names, string title)
    {
        int d = m.RowCount;
        var order = HierarchicalOrder.Of(m);
        var cells = new double[d, d];
        // Row 0 of the intensity array is drawn at the top.
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++) cells[r, c] = m[order[r], order[c]];
        return Figures.MatrixHeatmap(title, cells, order.Select(i => names[i]).ToArray(), 1);
    }

    /// <summary>Network: parts on a circle (clustered order), an edge for every selected pair, red positive, blue negative, width by |rho|.</summary>
    public static Plot Network(Matrix<double> rho, IReadOnlyList<string> names, Func<int, int, bool> edge, string title)
    {
        int d = rho.RowCount;
        var order = HierarchicalOrder.Of(rho);
        var x = new double[d]; var y = new double[d];
        for (int k = 0; k < d; k++)
        {
            double angle = Math.PI / 2 - 2 * Math.PI * k / d;
            x[order[k]] = Math.Cos(angle); y[order[k]] = Math.Sin(angle);
        }
        var plot = Figures.Create(title, "", "");
        int edges = 0;
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
            {
                if (!edge(i, j)) continue;
                var line = plot.Add.Line(x[i], y[i], x[j], y[j]);
                line.LineWidth = (float)(1 + 6 * Math.Abs(rho[i, j]));
                line.LineColor = (rho[i, j] >= 0 ? Positive : Negative).WithAlpha(0.75);
                line.MarkerSize = 0;
                edges++;
            }
        var nodes = plot.Add.ScatterPoints(x, y);
        nodes.MarkerSize = 12;
        nodes.Color = Color.FromHex("#333333");
        if (d <= 80)
            for (int i = 0; i < d; i++)
            {
                var label = plot.Add.Text(names[i], 1.13 * x[i], 1.13 * y[i]);
                label.LabelFontSize = 13;
                label.LabelFontName = Figures.FontName;
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        plot.Axes.SetLimits(-1.35, 1.35, -1.3, 1.3);
        plot.Axes.SquareUnits();
        plot.HideAxesAndGrid();
        plot.Title($"{title} ({edges} edge{(edges == 1 ? "" : "s")}; red positive, blue negative)");
        return plot;
    }

    /// <summary>Ternary diagram of closed three-part data, with a 20% grid.</summary>
    public static Plot Ternary(Matrix<double> closed, IReadOnlyList<string> names)
    {
        double h = Math.Sqrt(3) / 2;
        (double X, double Y) P(double a, double b, double c) => (b + c / 2, c * h);
        var plot = Figures.Create("", "", "");
        var grid = Color.FromHex("#cccccc");
        for (int k = 1; k < 5; k++)
        {
            double f = k / 5.0;
            foreach (var (p1, p2) in new[]
                     {
                         (P(1 - f, 0, f), P(0, 1 - f, f)),   // constant third part
                         (P(f, 1 - f, 0), P(f, 0, 1 - f)),   // constant first part
                         (P(1 - f, f, 0), P(0, f, 1 - f)),   // constant second part
                     })
            {
                var g = plot.Add.Line(p1.X, p1.Y, p2.X, p2.Y);
                g.LineColor = grid; g.MarkerSize = 0; g.LineWidth = 1;
            }
        }
        var tri = plot.Add.Polygon(new[] { new Coordinates(0, 0), new Coordinates(1, 0), new Coordinates(0.5, h) });
        tri.FillStyle.Color = Colors.Transparent;
        tri.LineStyle.Color = Colors.Black;
        tri.LineStyle.Width = 1.5f;
        var xs = new double[closed.RowCount]; var ys = new double[closed.RowCount];
        for (int i = 0; i < closed.RowCount; i++) (xs[i], ys[i]) = P(closed[i, 0], closed[i, 1], closed[i, 2]);
        var pts = plot.Add.ScatterPoints(xs, ys);
        pts.MarkerSize = 7;
        pts.Color = Color.FromHex("#1f77b4");
        foreach (var (name, at, align) in new[] { (names[0], P(1, 0, 0), Alignment.UpperRight), (names[1], P(0, 1, 0), Alignment.UpperLeft), (names[2], P(0, 0,
            1), Alignment.LowerCenter) })
        {
            var t = plot.Add.Text(name, at.X, at.Y);
            t.LabelFontSize = 14; t.LabelBold = true; t.LabelFontName = Figures.FontName; t.LabelAlignment = align;
        }
        plot.Axes.SetLimits(-0.12, 1.12, -0.1, h + 0.1);
        plot.Axes.SquareUnits();
        plot.HideAxesAndGrid();
        plot.Title($"Ternary diagram: {names[0]}, {names[1]}, {names[2]} (n = {closed.RowCount})");
        return plot;
    }
}
