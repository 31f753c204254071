using System.Globalization;
using Econometrics.Reporting;
using ScottPlot;
using Econometrics.Sem.Algebra;

namespace Econometrics.Sem.Graphs;

/// <summary>Draws a mixed graph as a path diagram: observed nodes as boxes, latent nodes as ellipses, directed edges as
/// arrows and bidirected edges as dashed two-headed curves, each labelled with its value.</summary>
internal static class PathDiagram
{
    public static Plot Draw(string title, MixedGraph g, IReadOnlySet<int> latent, Func<int, string?> directedLabel,
                            Func<int, string?> bidirectedLabel, Func<int, string?> nodeLabel)
    {
        var plot = Figures.Create(title, "", "");
        var pos = Layout(g, latent);
        const double halfW = 0.32, halfH = 0.17;
        // Edge endpoints stop at the node outline.
        Coordinates Shrink(Coordinates from, Coordinates to)
        {
            double dx = to.X - from.X, dy = to.Y - from.Y, len = Math.Sqrt(dx * dx + dy * dy);
            if (len == 0) return to;
            double t = Math.Min(Math.Abs(dx) > 1e-12 ? halfW / Math.Abs(dx) : double.MaxValue, Math.Abs(dy) > 1e-12 ? halfH / Math.Abs(dy) : double.MaxValue);
            t = Math.Min(t * len, len / 2) / len;
            return new Coordinates(to.X - dx * t, to.Y - dy * t);
        }
        // Labels are placed greedily: each takes the first candidate point on its edge that is clear of the labels and
        // nodes placed before it, so no label sits on a node or on another label.
        var placed = new List<Coordinates>(pos);
        // The variance labels under observed nodes and above latent ones are taken too.
        for (int v = 0; v < g.Count; v++)
            if (nodeLabel(v) is not null) placed.Add(new Coordinates(pos[v].X, latent.Contains(v) ? pos[v].Y + halfH + 0.12 : pos[v].Y - halfH - 0.12));
        bool Clear(Coordinates c) => placed.All(q => Math.Abs(q.X - c.X) > 0.42 || Math.Abs(q.Y - c.Y) > 0.2);
        void PlaceLabel(string text, IReadOnlyList<Coordinates> curve, Color color)
        {
            int mid = curve.Count / 2;
            var order = Enumerable.Range(0, curve.Count).Where(i => i > 1 && i < curve.Count - 2).OrderBy(i => Math.Abs(i - mid));
            var at = order.Select(i => curve[i]).FirstOrDefault(Clear, curve[mid]);
            placed.Add(at);
            Label(plot, text, at.X, at.Y, color);
        }
        static Coordinates[] Bezier(Coordinates a, Coordinates c, Coordinates b) => Enumerable.Range(0, 21).Select(i => i / 20.0)
            .Select(t => new Coordinates((1 - t) * (1 - t) * a.X + 2 * t * (1 - t) * c.X + t * t * b.X,
                                         (1 - t) * (1 - t) * a.Y + 2 * t * (1 - t) * c.Y + t * t * b.Y)).ToArray();
        for (int e = 0; e < g.Directed.Count; e++)
        {
            var (a, b) = (pos[g.Directed[e].From], pos[g.Directed[e].To]);
            // Offset the two arrows of a 2-cycle so that both stay visible.
            bool twoCycle = g.HasDirected(g.Directed[e].To, g.Directed[e].From);
            var off = twoCycle ? Normal(a, b, 0.08) : new Coordinates(0, 0);
            // An edge along a row that would pass behind another node of that row bows above the row instead.
            bool blocked = Math.Abs(a.Y - b.Y) < 1e-9 && pos.Any(q => Math.Abs(q.Y - a.Y) < 1e-9 && q.X > Math.Min(a.X, b.X) + 1e-9 && q.X < Math.Max(a.X,
                b.X) - 1e-9);
            Coordinates[] curve;
            if (blocked)
            {
                var ctrl = new Coordinates((a.X + b.X) / 2, a.Y + 0.35 + 0.1 * Math.Abs(b.X - a.X));
                curve = Bezier(a, ctrl, b);
                var body = plot.Add.ScatterLine(curve[1..^2]);
                body.LineStyle.Color = Colors.Black; body.LineWidth = 1.5f;
                var head = plot.Add.Arrow(curve[^3], Shrink(curve[^3], b));
                head.ArrowFillColor = Colors.Black; head.ArrowLineColor = Colors.Black;
                head.ArrowheadLength = 12; head.ArrowheadWidth = 8; head.ArrowWidth = 1.5f;
            }
            else
            {
                var start = Shrink(b, a); var end = Shrink(a, b);
                var arrow = plot.Add.Arrow(new Coordinates(start.X + off.X, start.Y + off.Y), new Coordinates(end.X + off.X, end.Y + off.Y));
                arrow.ArrowFillColor = Colors.Black; arrow.ArrowLineColor = Colors.Black;
                arrow.ArrowheadLength = 12; arrow.ArrowheadWidth = 8; arrow.ArrowWidth = 1.5f;
                curve = Enumerable.Range(0, 21).Select(i => new Coordinates(a.X + (b.X - a.X) * i / 20.0 + off.X * 2,
                    a.Y + (b.Y - a.Y) * i / 20.0 + off.Y * 2)).ToArray();
            }
            if (directedLabel(e) is string lab) PlaceLabel(lab, curve, Colors.DarkBlue);
        }
        for (int k = 0; k < g.Bidirected.Count; k++)
        {
            var (a, b) = (pos[g.Bidirected[k].A], pos[g.Bidirected[k].B]);
            // A bowed curve through a control point off the chord, drawn as a dashed polyline.
            var n = Normal(a, b, 0.5 + 0.12 * Math.Abs(a.X - b.X));
            bool observedRow = latent.Count > 0 && a.Y == 0 && b.Y == 0;
            // On the observed row of a latent-variable model, bow downwards, away from the loadings, starting below the
            // variance labels; the depth grows with the span, so nested arcs and their labels stay apart.
            if (observedRow)
            {
                n = new Coordinates(0, -(0.25 + 0.3 * Math.Abs(a.X - b.X)));
                a = new Coordinates(a.X, a.Y - halfH - 0.24);
                b = new Coordinates(b.X, b.Y - halfH - 0.24);
            }
            // Arcs of similar span get different depths so that they and their labels separate.
            double depth = observedRow ? 1 + 0.15 * (k % 2) : 1 + 0.25 * (k % 3);
            var mid = new Coordinates((a.X + b.X) / 2 + n.X * depth, (a.Y + b.Y) / 2 + n.Y * depth);
            var pts = Bezier(a, mid, b);
            var line = plot.Add.ScatterLine(pts);
            line.LineStyle.Pattern = LinePattern.Dashed; line.LineStyle.Color = Colors.DarkRed; line.LineWidth = 1.2f;
            if (bidirectedLabel(k) is string lab) PlaceLabel(lab, pts, Colors.DarkRed);
        }
        for (int v = 0; v < g.Count; v++)
        {
            var c = pos[v];
            if (latent.Contains(v))
            {
                var el = plot.Add.Ellipse(c.X, c.Y, halfW, halfH);
                el.FillStyle.Color = Colors.LightYellow; el.LineStyle.Color = Colors.Black;
            }
            else
            {
                var r = plot.Add.Rectangle(c.X - halfW, c.X + halfW, c.Y - halfH, c.Y + halfH);
                r.FillStyle.Color = Colors.AliceBlue; r.LineStyle.Color = Colors.Black;
            }
            var t = plot.Add.Text(g.Nodes[v], c.X, c.Y);
            t.LabelAlignment = Alignment.MiddleCenter; t.LabelFontSize = 13; t.LabelBold = true; t.LabelFontName = Figures.FontName;
            if (nodeLabel(v) is string nl)
            {
                var tv = plot.Add.Text(nl, c.X, latent.Contains(v) ? c.Y + halfH + 0.12 : c.Y - halfH - 0.12);
                tv.LabelAlignment = Alignment.MiddleCenter; tv.LabelFontSize = 10; tv.LabelFontColor = Colors.DimGray; tv.LabelFontName = Figures.FontName;
            }
        }
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Axes.Bottom.TickLabelStyle.IsVisible = false; plot.Axes.Left.TickLabelStyle.IsVisible = false;
        double minX = pos.Min(p => p.X), maxX = pos.Max(p => p.X), minY = pos.Min(p => p.Y), maxY = pos.Max(p => p.Y);
        // Room under the observed row for the deepest covariance arc.
        double arcs = latent.Count > 0 && g.Bidirected.Count > 0
            ? g.Bidirected.Max(e => pos[e.A].Y == 0 && pos[e.B].Y == 0 ? 0.5 * (0.25 + 0.3 * Math.Abs(pos[e.A].X - pos[e.B].X)) * 1.15 + halfH + 0.4 : 0.8)
            : 0.8;
        double left = minX - 0.8, right = maxX + 0.8, bottom = minY - Math.Max(0.8, arcs), top = maxY + 0.8;
        // A small graph keeps node-sized nodes: the view spans at least 7.5 x 4.5 units (about 105 pixels a unit in an
        // 800 x 500 figure), centred on the diagram, instead of stretching three boxes over the whole figure.
        double padX = Math.Max(0, 7.5 - (right - left)) / 2, padY = Math.Max(0, 4.5 - (top - bottom)) / 2;
        plot.Axes.SetLimits(left - padX, right + padX, bottom - padY, top + padY);
        return plot;
    }

    private static void Label(Plot plot, string text, double x, double y, Color color)
    {
        var t = plot.Add.Text(text, x, y);
        t.LabelAlignment = Alignment.MiddleCenter; t.LabelFontSize = 11; t.LabelFontColor = color;
        t.LabelBackgroundColor = Colors.White.WithAlpha(0.85); t.LabelFontName = Figures.FontName;
    }

    private static Coordinates Normal(Coordinates a, Coordinates b, double size)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y, len = Math.Sqrt(dx * dx + dy * dy);
        return len == 0 ? new Coordinates(0, size) : new Coordinates(-dy / len * size, dx / len * size);
    }

    /// <summary>Latent nodes on an upper row above their indicators, observed nodes on a lower row; without latent nodes,
    /// sources to sinks left to right in topological layers (a circle for cyclic graphs).</summary>
    private static Coordinates[] Layout(MixedGraph g, IReadOnlySet<int> latent)
    {
        int n = g.Count;
        var pos = new Coordinates[n];
        if (latent.Count > 0)
        {
            var obs = Enumerable.Range(0, n).Where(v => !latent.Contains(v)).ToList();
            for (int i = 0; i < obs.Count; i++) pos[obs[i]] = new Coordinates(i * 0.9, 0);
            foreach (int f in latent)
            {
                var kids = g.Children(f).Where(c => !latent.Contains(c)).ToList();
                double x = kids.Count > 0 ? kids.Average(c => pos[c].X) : 0;
                pos[f] = new Coordinates(x, 2);
            }
            // Spread latents that landed on top of each other.
            var lat = latent.OrderBy(f => pos[f].X).ToList();
            for (int i = 1; i < lat.Count; i++)
                if (pos[lat[i]].X - pos[lat[i - 1]].X < 1.0) pos[lat[i]] = new Coordinates(pos[lat[i - 1]].X + 1.0, 2);
            return pos;
        }
        if (g.TopologicalOrder() is int[] order)
        {
            var layer = new int[n];
            foreach (int v in order) foreach (int c in g.Children(v)) layer[c] = Math.Max(layer[c], layer[v] + 1);
            foreach (var grp in Enumerable.Range(0, n).GroupBy(v => layer[v]))
            {
                var vs = grp.ToList();
                for (int i = 0; i < vs.Count; i++) pos[vs[i]] = new Coordinates(grp.Key * 1.6, (i - (vs.Count - 1) / 2.0) * 1.2);
            }
            return pos;
        }
        for (int v = 0; v < n; v++)
        {
            double a = Math.PI / 2 - 2 * Math.PI * v / n;
            pos[v] = new Coordinates(1.6 * Math.Cos(a) * Math.Max(1, n / 4.0), 1.6 * Math.Sin(a) * Math.Max(1, n / 4.0));
        }
        return pos;
    }

    public static string Format(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
