using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Econometrics.Panel.Factors;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>The cross-sectional dependence statistics of one panel, with the pairwise correlations behind them.</summary>
public sealed record CrossSectionalDependenceResult : Result
{
    private readonly PairwiseCorrelations _pc;
    private readonly Lazy<double?> _meanAbsRho;

    internal CrossSectionalDependenceResult(int n, int t, long pairs, long pairsDropped, bool balanced, string source,
        IReadOnlyList<CdStatistic> tests, double meanRho, Func<double?> meanAbsRho, PairwiseCorrelations pc, IReadOnlyList<string> entities,
        FactorNumberResult? factorSelection, double[,]? weights, IReadOnlyList<Diagnostic> diagnostics)
    {
        N = n; T = t; Pairs = pairs; PairsDropped = pairsDropped; IsBalanced = balanced; Source = source; Tests = tests;
        MeanRho = meanRho; _meanAbsRho = new(meanAbsRho); _pc = pc; Entities = entities; FactorSelection = factorSelection;
        Weights = weights is null ? null : Matrix<double>.Build.DenseOfArray(weights); Diagnostics = diagnostics;
    }

    /// <summary>Number of units tested (after excluding units without variation).</summary>
    public int N { get; }

    /// <summary>Number of periods.</summary>
    public int T { get; }

    /// <summary>Number of pairs with 2 or more common periods (P).</summary>
    public long Pairs { get; }

    /// <summary>Number of pairs dropped for lack of overlap.</summary>
    public long PairsDropped { get; }

    /// <summary>How the statistics were computed: from moments without pairs, and how many passes over pair tiles.</summary>
    public string Computation { get; init; } = "";

    /// <summary>Whether every unit is observed in every period.</summary>
    [JsonPropertyName("balanced")]
    public bool IsBalanced { get; }

    /// <summary>What was tested (a variable, a matrix, or a model's residuals).</summary>
    public string Source { get; }

    /// <summary>The statistics, in the order CD, LM, ScaledLM, BiasCorrectedScaledLM, LMAdj, CDw, CDwPlus, CDStar, LocalCD.</summary>
    public IReadOnlyList<CdStatistic> Tests { get; }

    /// <summary>Mean pairwise correlation (plm's "rho").</summary>
    public double MeanRho { get; }

    /// <summary>
    /// Mean absolute pairwise correlation (plm's "absrho"); null when no pass over the pairs was made (large balanced panels).
    /// When no requested statistic visits the pairs, it is summed over them when first read (see <see cref="Computation"/>).
    /// </summary>
    public double? MeanAbsRho => _meanAbsRho.Value;

    /// <summary>The name of the entity column ("firm"), for axis titles.</summary>
    [JsonIgnore]
    public string EntityName { get; init; } = "unit";

    /// <summary>The tested units' labels.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Entities { get; }

    /// <summary>The factor-number choice behind CD*, when the number was estimated.</summary>
    [JsonIgnore]
    public FactorNumberResult? FactorSelection { get; }

    /// <summary>CD_W's Rademacher weights (N x G), for reproduction; null when CD_W was not computed.</summary>
    [JsonIgnore]
    public Matrix<double>? Weights { get; }

    /// <summary>The number of factors CD* removed, or null when CD* was not computed.</summary>
    public int? Factors => Tests.FirstOrDefault(s => s.Name == "CDStar")?.Factors;

    /// <summary>The statistic with the given name (CD, LM, ScaledLM, BiasCorrectedScaledLM, LMAdj, CDw, CDwPlus, CDStar, LocalCD).</summary>
    /// <param name="name">The name.</param>
    public CdStatistic this[string name] => Tests.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No statistic '{name}'; computed: {string.Join(", ", Tests.Select(s => s.Name))}.", nameof(name));

    /// <summary>Pairwise correlations (N x N; NaN for dropped pairs), formed on request.</summary>
    /// <exception cref="InvalidOperationException">N is too large for an N x N matrix (above 8192).</exception>
    public Matrix<double> Rho() => Matrix<double>.Build.Dense(N, N, (double[])_pc.Rho.Clone());

    /// <summary>Common periods T_ij (N x N), formed on request.</summary>
    /// <exception cref="InvalidOperationException">N is too large for an N x N matrix (above 8192).</exception>
    public Matrix<double> Overlap() => _pc.Overlap is { } o ? Matrix<double>.Build.Dense(N, N, (double[])o.Clone())
        : Matrix<double>.Build.Dense(N, N, T);

    /// <summary>The summary: one row per statistic, with the panel's dimensions and the diagnostics.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("Cross-sectional dependence tests")
            .AddHeader("Tested", Source)
            .AddHeader("Units (N)", N).AddHeader("Periods (T)", T)
            .AddHeader("Balanced", IsBalanced ? "yes" : "no")
            .AddHeader("Pairs", Pairs.ToString(CultureInfo.InvariantCulture))
            .AddHeader("Mean rho", MeanRho).AddHeader("Mean |rho|", MeanAbsRho is { } a ? a.ToString("F4", CultureInfo.InvariantCulture) : "not computed")
            .AddHeader("Computation", Computation);
        // Notes are numbered footnotes; a row that needs one carries its number. Tests that do not apply are not rows.
        var table = new Table("Tests", "Test", "Statistic", "Distribution", "P-value");
        foreach (var t in Tests)
        {
            var r = t.Result;
            if (r.Validity != TestValidity.Valid) { s.AddNote($"{t.Label} not computed: {r.Reason}"); continue; }
            string label = t.Label;
            if (t.Theta is { } th)
            {
                s.AddNote(string.Create(CultureInfo.InvariantCulture, $"{t.Label}: theta = {th:F4}, {t.Factors} factor(s) removed."));
                label += $" [{s.Notes.Count}]";
            }
            table.AddRow(label, r.Statistic, r.Distribution.ToString(), r.PValue is { } p ? Cell.PValue(p) : Cell.Text("none"));
        }
        s.AddTable(table);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        foreach (var t in Tests)
            foreach (var d in t.Result.Diagnostics)
                if (d.Severity == DiagnosticSeverity.Warning) s.AddNote($"{t.Label}: {d}");
        return s;
    }

    /// <inheritdoc/>
    protected override JsonTypeInfo JsonContract => CoreJsonContext.Default.CrossSectionalDependenceResult;

    /// <summary>Heatmap of the pairwise correlations, units ordered by their loading on the first principal component.</summary>
    public ScottPlot.Plot PlotCorrelationHeatmap()
    {
        if (N > MaxHeatmapUnits) return PlotBlockHeatmap();
        int n = N;
        var rho = _pc.Rho;
        // Order by the leading eigenvector of the correlation matrix (NaN pairs as 0), found by power iteration so
        // that large panels do not pay for a full eigendecomposition: units with similar loadings sit together.
        var r = Matrix<double>.Build.Dense(n, n, (i, j) => double.IsNaN(rho[i + j * n]) ? 0 : rho[i + j * n]);
        var lead = Vector<double>.Build.Dense(n, 1.0 / Math.Sqrt(n));
        for (int iter = 0; iter < 300; iter++)
        {
            var next = r * lead;
            double norm = next.L2Norm();
            if (norm == 0) break;
            next /= norm;
            bool done = (next - lead).L2Norm() < 1e-10;
            lead = next;
            if (done) break;
        }
        if (lead.Sum() < 0) lead = -lead;
        var order = Enumerable.Range(0, n).OrderBy(i => lead[i]).ThenBy(i => i).ToArray();
        var grid = new double[n, n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) grid[a, b] = r[order[a], order[b]];
        return Figures.MatrixHeatmap($"Pairwise correlations ({EntityName} ordered by first-factor loading)", grid, order.Select(i => Entities[i]).ToArray(), 1,
            EntityName);
    }

    // More units than this are drawn as mean correlations over groups of neighbouring units (in loading order).
    private const int MaxHeatmapUnits = 1000;

    private ScottPlot.Plot PlotBlockHeatmap()
    {
        const int groups = 400;
        var lead = _pc.LeadingLoadings();
        if (lead.Sum() < 0) for (int i = 0; i < lead.Length; i++) lead[i] = -lead[i];
        var order = Enumerable.Range(0, N).OrderBy(i => lead[i]).ThenBy(i => i).ToArray();
        var group = new int[N];
        for (int k = 0; k < N; k++) group[order[k]] = (int)((long)k * groups / N);
        var means = _pc.BlockMeans(group, groups);
        var grid = new double[groups, groups];
        for (int a = 0; a < groups; a++)
            for (int b = 0; b < groups; b++) grid[a, b] = means[a + b * groups];
        int per = (N + groups - 1) / groups;
        return Figures.MatrixHeatmap($"Mean pairwise correlation in blocks of about {per} units (ordered by first-factor loading)", grid, null, 1,
            $"{EntityName} block");
    }

    /// <summary>Histogram of sqrt(T_ij) rho_ij over the pairs against the N(0,1) density it follows under independence.</summary>
    public ScottPlot.Plot PlotCorrelationHistogram()
    {
        // Two passes over the pair tiles (range, then counts): bounded memory for any N.
        var range = _pc.Reduce(new ScaledRange());
        double lo = Math.Min(-4, range.Min), hi = Math.Max(4, range.Max);
        long count = range.Count;
        int bins = (int)Math.Clamp(Math.Sqrt(count), 10, 60);
        double width = (hi - lo) / bins;
        var counts = _pc.Reduce(new ScaledCounts(lo, width, bins)).Counts;
        var plot = Figures.Create("sqrt(T_ij) rho_ij against N(0,1)", "sqrt(T_ij) rho_ij", "Density");
        var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(b => lo + (b + 0.5) * width).ToArray(),
            counts.Select(c => c / (count * width)).ToArray());
        foreach (var bar in bars.Bars) { bar.Size = width; bar.LineWidth = 0; }
        bars.LegendText = $"{count} pairs";
        var xs = Enumerable.Range(0, 201).Select(k => lo + k * (hi - lo) / 200).ToArray();
        var density = plot.Add.Scatter(xs, xs.Select(x => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI)).ToArray());
        density.MarkerSize = 0; density.LineWidth = 2; density.LegendText = "N(0,1)";
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegendOutside();
        return plot;
    }

    /// <summary>The scree plot of the factor-number choice behind CD* (requires an estimated number of factors).</summary>
    /// <exception cref="InvalidOperationException">The number of factors was fixed, or CD* was not computed.</exception>
    public ScottPlot.Plot PlotScree() => FactorSelection?.PlotScree()
        ?? throw new InvalidOperationException("No factor number was estimated (CD* not computed, or a fixed number was given).");

    // Range and count of sqrt(T_ij) rho_ij over the retained pairs.
    private struct ScaledRange() : IPairAccumulator<ScaledRange>
    {
        public double Min = double.PositiveInfinity, Max = double.NegativeInfinity;
        public long Count;

        public readonly ScaledRange Empty() => new();

        public void Add(int i, int j, double rho, double tij)
        {
            if (double.IsNaN(rho)) return;
            double v = Math.Sqrt(tij) * rho;
            Min = Math.Min(Min, v); Max = Math.Max(Max, v); Count++;
        }

        public void Merge(in ScaledRange o) { Min = Math.Min(Min, o.Min); Max = Math.Max(Max, o.Max); Count += o.Count; }
    }

    // Histogram counts of sqrt(T_ij) rho_ij on fixed bins.
    private struct ScaledCounts(double lo, double width, int bins) : IPairAccumulator<ScaledCounts>
    {
        public double[] Counts = new double[bins];

        public readonly ScaledCounts Empty() => new(lo, width, bins);

        public void Add(int i, int j, double rho, double tij)
        {
            if (double.IsNaN(rho)) return;
            Counts[Math.Clamp((int)((Math.Sqrt(tij) * rho - lo) / width), 0, bins - 1)]++;
        }

        public void Merge(in ScaledCounts o) { for (int k = 0; k < bins; k++) Counts[k] += o.Counts[k]; }
    }
}
