using ScottPlot;

namespace Econometrics.Reporting;

/// <summary>
/// Text labels that start just beyond their anchors (arrow tips, points), pushed outward along a direction, and are then
/// moved apart until no two overlap and none covers another anchor or an obstacle.
/// </summary>
/// <remarks>
/// Placement runs at render time, when the pixel size of every label and the mapping of the axes are known, so PNG and
/// SVG at any size show the same layout. A label moved far from its anchor gets a thin leader line back to it.
/// </remarks>
public sealed class RepelledLabels : IPlottable
{
    private const float Gap = 4, Pad = 3, LeaderAt = 10;
    private readonly List<(string Text, Coordinates Anchor, Coordinates Direction)> _items = [];
    private readonly List<Coordinates> _obstacles = [];
    private readonly List<(Coordinates A, Coordinates B)> _segments = [];

    /// <summary>Font, size and colour of every label.</summary>
    public LabelStyle Style { get; } = new() { FontName = Figures.FontName, FontSize = 13, Alignment = Alignment.MiddleCenter };

    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc/>
    public IAxes Axes { get; set; } = new ScottPlot.Axes();

    /// <inheritdoc/>
    public IEnumerable<LegendItem> LegendItems => LegendItem.None;

    /// <summary>The number of labels.</summary>
    public int Count => _items.Count;

    /// <summary>Adds a label whose preferred place is beyond <paramref name="anchor"/> in direction (dx, dy) (data units;
    /// a zero direction means above).</summary>
    /// <param name="text">The label.</param>
    /// <param name="anchor">The point the label belongs to.</param>
    /// <param name="dx">Horizontal component of the outward direction.</param>
    /// <param name="dy">Vertical component of the outward direction.</param>
    public void Add(string text, Coordinates anchor, double dx = 0, double dy = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        _items.Add((text, anchor, new Coordinates(dx, dy)));
    }

    /// <summary>Adds a point that no label may cover (e.g. the origin of a biplot).</summary>
    /// <param name="point">The point.</param>
    public void AddObstacle(Coordinates point) => _obstacles.Add(point);

    /// <summary>Adds a line segment that no label may cover (e.g. an arrow's shaft).</summary>
    /// <param name="from">One end.</param>
    /// <param name="to">The other end.</param>
    public void AddObstacle(Coordinates from, Coordinates to) => _segments.Add((from, to));

    /// <inheritdoc/>
    public AxisLimits GetAxisLimits() => _items.Count == 0
        ? AxisLimits.NoLimits
        : new AxisLimits(_items.Min(i => i.Anchor.X), _items.Max(i => i.Anchor.X), _items.Min(i => i.Anchor.Y), _items.Max(i => i.Anchor.Y));

    /// <inheritdoc/>
    public void Render(RenderPack rp)
    {
        ArgumentNullException.ThrowIfNull(rp);
        if (_items.Count == 0) return;
        var anchors = _items.Select(i => Axes.GetPixel(i.Anchor)).ToArray();
        var sizes = _items.Select(i => Style.Measure(i.Text, rp.Paint).Size).ToArray();
        var layout = Layout(anchors, sizes, _items.Select(i => Axes.GetPixel(new Coordinates(i.Anchor.X + i.Direction.X, i.Anchor.Y + i.Direction.Y)))
            .ToArray(), Obstacles().ToArray(), Axes.DataRect);
        for (int i = 0; i < _items.Count; i++)
        {
            var box = new PixelRect(layout[i].X - sizes[i].Width / 2, layout[i].X + sizes[i].Width / 2, layout[i].Y + sizes[i].Height / 2,
                layout[i].Y - sizes[i].Height / 2);
            var edge = Nearest(box, anchors[i]);
            if (Distance(edge, anchors[i]) > LeaderAt)
                Drawing.DrawLine(rp.Canvas, rp.Paint, anchors[i], edge, Style.ForeColor.WithAlpha(0.6), 0.8f, true, LinePattern.Solid);
            Style.Render(rp.Canvas, layout[i], rp.Paint, _items[i].Text);
        }
    }

    /// <summary>
    /// Centres of the labels: each starts beyond its anchor on the ray towards <paramref name="toward"/>, then overlapping
    /// pairs are pushed apart along the axis of least overlap (half each), labels covering a fixed point (another label's
    /// anchor, an obstacle) are pushed off it, and all stay inside <paramref name="area"/>.
    /// </summary>
    internal static Pixel[] Layout(Pixel[] anchors, PixelSize[] sizes, Pixel[] toward, Pixel[] obstacles, PixelRect area)
    {
        int n = anchors.Length;
        var cx = new double[n];
        var cy = new double[n];
        for (int i = 0; i < n; i++)
        {
            double dx = toward[i].X - anchors[i].X, dy = toward[i].Y - anchors[i].Y, len = Math.Sqrt(dx * dx + dy * dy);
            if (!(len > 1e-9)) (dx, dy, len) = (0, -1, 1);
            dx /= len; dy /= len;
            // Distance from the centre to the box edge along (dx, dy), so the near edge sits Gap pixels beyond the anchor.
            double w2 = sizes[i].Width / 2, h2 = sizes[i].Height / 2;
            double reach = Math.Min(Math.Abs(dx) > 1e-9 ? w2 / Math.Abs(dx) : double.MaxValue, Math.Abs(dy) > 1e-9 ? h2 / Math.Abs(dy) : double.MaxValue);
            cx[i] = anchors[i].X + dx * (reach + Gap);
            cy[i] = anchors[i].Y + dy * (reach + Gap);
        }
        // Fixed points: every anchor and every obstacle, as small squares.
        var fixedPoints = anchors.Concat(obstacles).ToArray();
        for (int iter = 0; iter < 400; iter++)
        {
            bool moved = false;
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    double ox = (sizes[i].Width + sizes[j].Width) / 2 + Pad - Math.Abs(cx[i] - cx[j]);
                    double oy = (sizes[i].Height + sizes[j].Height) / 2 + Pad - Math.Abs(cy[i] - cy[j]);
                    if (ox <= 0 || oy <= 0) continue;
                    moved = true;
                    // Ties (identical centres) separate by index so the result is deterministic.
                    if (ox < oy)
                    {
                        double s = cx[i] < cx[j] || (cx[i] == cx[j] && i < j) ? -1 : 1;
                        cx[i] += s * (ox / 2 + 0.5); cx[j] -= s * (ox / 2 + 0.5);
                    }
                    else
                    {
                        double s = cy[i] < cy[j] || (cy[i] == cy[j] && i < j) ? -1 : 1;
                        cy[i] += s * (oy / 2 + 0.5); cy[j] -= s * (oy / 2 + 0.5);
                    }
                }
            for (int i = 0; i < n; i++)
                foreach (var p in fixedPoints)
                {
                    double ox = sizes[i].Width / 2 + Pad - Math.Abs(cx[i] - p.X);
                    double oy = sizes[i].Height / 2 + Pad - Math.Abs(cy[i] - p.Y);
                    if (ox <= 0 || oy <= 0) continue;
                    moved = true;
                    if (ox < oy) cx[i] += (cx[i] < p.X ? -1 : 1) * (ox + 0.5);
                    else cy[i] += (cy[i] < p.Y ? -1 : 1) * (oy + 0.5);
                }
            for (int i = 0; i < n; i++)
            {
                cx[i] = Math.Clamp(cx[i], area.Left + sizes[i].Width / 2, Math.Max(area.Left + sizes[i].Width / 2, area.Right - sizes[i].Width / 2));
                cy[i] = Math.Clamp(cy[i], area.Top + sizes[i].Height / 2, Math.Max(area.Top + sizes[i].Height / 2, area.Bottom - sizes[i].Height / 2));
            }
            if (!moved) break;
        }
        return Enumerable.Range(0, n).Select(i => new Pixel((float)cx[i], (float)cy[i])).ToArray();
    }

    // The obstacle points, and each segment sampled every 3 pixels.
    private IEnumerable<Pixel> Obstacles()
    {
        foreach (var p in _obstacles) yield return Axes.GetPixel(p);
        foreach (var (a, b) in _segments)
        {
            Pixel pa = Axes.GetPixel(a), pb = Axes.GetPixel(b);
            int steps = Math.Clamp((int)(Distance(pa, pb) / 3), 1, 1000);
            for (int k = 0; k <= steps; k++)
                yield return new Pixel(pa.X + (pb.X - pa.X) * k / steps, pa.Y + (pb.Y - pa.Y) * k / steps);
        }
    }

    private static Pixel Nearest(PixelRect box, Pixel p) => new(Math.Clamp(p.X, box.Left, box.Right), Math.Clamp(p.Y, box.Top, box.Bottom));

    private static double Distance(Pixel a, Pixel b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
