using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Econometrics.Reporting;

namespace Econometrics.Panel.Simulation;

/// <summary>A size/power table from <see cref="CdMonteCarlo"/>, possibly one shard of it; shards merge by adding counts.</summary>
public sealed record CdMonteCarloResult : Result
{
    private static readonly string[] Order = ["CD", "CDw", "CDwPlus", "CDStar"];

    internal CdMonteCarloResult(string design, long seed, int replications, double alpha, IReadOnlyList<int> shards, int shardCount,
        IReadOnlyList<CdMonteCarloCell> cells)
    {
        Design = design; Seed = seed; Replications = replications; Alpha = alpha; Shards = shards; ShardCount = shardCount; Cells = cells;
    }

    /// <summary>The design description.</summary>
    public string Design { get; }

    /// <summary>The study seed.</summary>
    public long Seed { get; }

    /// <summary>Replications per cell of the whole study.</summary>
    public int Replications { get; }

    /// <summary>The nominal level.</summary>
    public double Alpha { get; }

    /// <summary>The shards this result holds.</summary>
    public IReadOnlyList<int> Shards { get; }

    /// <summary>The study's number of shards.</summary>
    public int ShardCount { get; }

    /// <summary>Whether every shard is present.</summary>
    public bool IsComplete => Shards.Count == ShardCount;

    /// <summary>One entry per (N, T).</summary>
    public IReadOnlyList<CdMonteCarloCell> Cells { get; }

    /// <summary>Adds the counts of shards of the same study.</summary>
    /// <param name="parts">The shard results.</param>
    /// <exception cref="ArgumentException">The parts come from different studies or repeat a shard.</exception>
    public static CdMonteCarloResult Merge(IEnumerable<CdMonteCarloResult> parts)
    {
        var list = parts?.ToList() ?? throw new ArgumentNullException(nameof(parts));
        if (list.Count == 0) throw new ArgumentException("Nothing to merge.", nameof(parts));
        var first = list[0];
        foreach (var p in list)
        {
            if (p.Design != first.Design || p.Seed != first.Seed || p.Replications != first.Replications || p.Alpha != first.Alpha
                || p.ShardCount != first.ShardCount || p.Cells.Count != first.Cells.Count
                || p.Cells.Zip(first.Cells).Any(z => z.First.N != z.Second.N || z.First.T != z.Second.T))
                throw new ArgumentException("The shards belong to different studies (design, seed, replications, level or grid differ).", nameof(parts));
        }
        var shards = list.SelectMany(p => p.Shards).ToList();
        if (shards.Distinct().Count() != shards.Count) throw new ArgumentException("A shard appears twice.", nameof(parts));
        // A complete merge puts the thetas back in replication order (replication r ran in shard r mod S, as its
        // (r / S)-th) and sums them in that order, so the merged sum is the one-process sum to the last bit.
        bool ordered = shards.Count == first.ShardCount && list.All(p => p.Shards.Count == 1 && p.Cells.All(c => c.Thetas is not null));
        var byShard = ordered ? list.ToDictionary(p => p.Shards[0]) : null;
        var cells = first.Cells.Select((c, k) =>
        {
            var names = list.SelectMany(p => p.Cells[k].Rejections.Keys).Distinct();
            int reps = list.Sum(p => p.Cells[k].Replications);
            var rejections = names.ToDictionary(nm => nm, nm => list.Sum(p => p.Cells[k].Rejections.GetValueOrDefault(nm)));
            if (!ordered) return new CdMonteCarloCell(c.N, c.T, reps, rejections, list.Sum(p => p.Cells[k].ThetaSum));
            var thetas = new double[reps];
            double sum = 0;
            for (int r = 0; r < reps; r++) sum += thetas[r] = byShard![r % first.ShardCount].Cells[k].Thetas![r / first.ShardCount];
            return new CdMonteCarloCell(c.N, c.T, reps, rejections, sum, thetas);
        }).ToList();
        return new CdMonteCarloResult(first.Design, first.Seed, first.Replications, first.Alpha, shards.Order().ToList(), first.ShardCount, cells);
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.CdMonteCarloResult;

    /// <summary>The table: rejection rates (%) by cell and test, with mean theta.</summary>
    public override SummaryTable Summary()
    {
        var tests = Order.Where(o => Cells.Any(c => c.Rejections.ContainsKey(o))).ToArray();
        var s = new SummaryTable("Monte Carlo: rejection rates of the CD family")
            .AddHeader("Design", Design)
            .AddHeader("Nominal level", Alpha)
            .AddHeader("Replications per cell", Replications)
            .AddHeader("Seed", Seed.ToString(CultureInfo.InvariantCulture))
            .AddHeader("Shards", IsComplete ? $"all {ShardCount}" : $"{string.Join(",", Shards)} of {ShardCount}");
        var table = new Table("Rejection rates (%)", new[] { "N", "T",
            "Reps" }.Concat(tests.Select(Dependence.CdStatistic.LabelOf)).Append("Mean theta").ToArray());
        foreach (var c in Cells)
            table.AddRow(new Cell[] { c.N, c.T, c.Replications }.Concat(tests.Select(t => Cell.Num(100 * c.Rate(t), "F1"))).Append(Cell.Num(c.MeanTheta,
                "F3")).ToArray());
        s.AddTable(table);
        double se = Math.Sqrt(Alpha * (1 - Alpha) / Math.Max(1, Cells.Min(c => c.Replications)));
        s.AddNote($"Monte Carlo standard error of a rejection rate at the nominal level: {100 * se:F1} percentage points.");
        return s;
    }

    /// <summary>Reads a result written by <see cref="Result.ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    public static CdMonteCarloResult FromJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            var cells = r.GetProperty("cells").EnumerateArray().Select(c => new CdMonteCarloCell(
                c.GetProperty("n").GetInt32(), c.GetProperty("t").GetInt32(), c.GetProperty("replications").GetInt32(),
                c.GetProperty("rejections").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
                c.GetProperty("thetaSum").ValueKind == JsonValueKind.Null ? double.NaN : c.GetProperty("thetaSum").GetDouble(),
                c.TryGetProperty("thetas", out var th) && th.ValueKind == JsonValueKind.Array
                    ? th.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray() : null)).ToList();
            return new CdMonteCarloResult(r.GetProperty("design").GetString()!, r.GetProperty("seed").GetInt64(),
                r.GetProperty("replications").GetInt32(), r.GetProperty("alpha").GetDouble(),
                r.GetProperty("shards").EnumerateArray().Select(s => s.GetInt32()).ToList(), r.GetProperty("shardCount").GetInt32(), cells);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A JSON parser's message quotes the offending text (a whole CSV line, say); say where instead.
            string why = e is JsonException { LineNumber: { } line, BytePositionInLine: { } at }
                ? $"not valid JSON at line {line + 1}, byte {at + 1}" : e.Message;
            throw new ArgumentException($"Not a CD Monte Carlo result: {why}.", nameof(json), e);
        }
    }

    /// <summary>
    /// Size/power plot: the rejection rate (%) of each test in each (N, T) cell, with the nominal level and its
    /// 95% Monte Carlo band (rates inside the band are consistent with correct size).
    /// </summary>
    public ScottPlot.Plot PlotRejectionRates()
    {
        var tests = Order.Where(o => Cells.Any(c => c.Rejections.ContainsKey(o))).ToArray();
        var plot = Figures.Create($"Rejection rates at the {(100 * Alpha).ToString("G3", CultureInfo.InvariantCulture)}% level",
            "(N, T) cell", "rejection rate (%)");
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / Math.Max(1, tests.Length);
        for (int k = 0; k < tests.Length; k++)
        {
            var bars = Cells.Select((c, i) => new ScottPlot.Bar
            {
                Position = i + (k - (tests.Length - 1) / 2.0) * width,
                Value = 100 * c.Rate(tests[k]), Size = width * 0.95, FillColor = palette.GetColor(k), LineWidth = 0,
            }).ToArray();
            plot.Add.Bars(bars).LegendText = Dependence.CdStatistic.LabelOf(tests[k]);
        }
        double se = 100 * 1.959963984540054 * Math.Sqrt(Alpha * (1 - Alpha) / Math.Max(1, Cells.Min(c => c.Replications)));
        var band = plot.Add.VerticalSpan(100 * Alpha - se, 100 * Alpha + se);
        band.FillStyle.Color = ScottPlot.Colors.Gray.WithAlpha(0.25);
        band.LineStyle.Width = 0;
        band.LegendText = "nominal level ± 1.96 MC s.e.";
        var nominal = plot.Add.HorizontalLine(100 * Alpha);
        nominal.LinePattern = ScottPlot.LinePattern.Dashed;
        nominal.Color = ScottPlot.Colors.Black;
        var pos = Enumerable.Range(0, Cells.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(pos,
            Cells.Select(c => string.Create(CultureInfo.InvariantCulture, $"N={c.N}\nT={c.T}")).ToArray());
        plot.Axes.SetLimits(-0.6, Cells.Count - 0.4, 0, 105);
        plot.ShowLegendOutside();
        return plot;
    }
}
