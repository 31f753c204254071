using Econometrics.LinearAlgebra;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// Tests for cross-sectional dependence in a panel: Pesaran's CD (balanced and unbalanced), the Breusch-Pagan LM,
/// the scaled and bias-corrected scaled LM, Pesaran-Ullah-Yamagata's LM_adj, Juodis-Reese's CD_W and CD_W+,
/// Pesaran-Xie's CD*, and the local CD over a neighbour matrix.
/// </summary>
/// <remarks>
/// On balanced panels CD comes from the row sums of the standardized data (O(N T)) and LM, scaled LM and the BFK
/// correction from their T x T moments, without forming a pair; statistics that need pairs visit them in BLAS-3 tiles
/// of bounded size (<see cref="PairwiseCorrelations"/>), and mean |rho|, when no requested statistic visits the pairs,
/// is summed over them when first read. The result states the path taken. Units with fewer than
/// two observations or no variance are excluded with a diagnostic; pairs with fewer than two common periods are
/// dropped and counted (as <c>plm::pcdtest</c>). CD* on a fitted regression uses the partial residuals y - x'b
/// (factor part kept), as Pesaran and Xie require; CD_W, CD_W+ and CD* need a balanced panel.
/// </remarks>
public sealed record CrossSectionalDependence
{
    /// <summary>Which statistics to compute (default all).</summary>
    public CdTests Tests { get; init; } = CdTests.All;

    /// <summary>Factors CD* removes: fixed, or estimated (default Ahn-Horenstein ER with kmax 8).</summary>
    public FactorCount Factors { get; init; } = FactorCount.Auto();

    /// <summary>CD_W draws G, combined as sum/sqrt(G) (default 30, the modest number Juodis and Reese suggest).</summary>
    public int Draws { get; init; } = 30;

    /// <summary>Seed of the Rademacher weights (default 20260101).</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>CD_W's scaling (default the paper's pooled variance, eq. 30).</summary>
    public CdwNormalization CdwNormalization { get; init; } = CdwNormalization.PooledVariance;

    /// <summary>User-given CD_W weights (N x G of +1/-1) instead of seeded draws; null to draw them.</summary>
    public Matrix<double>? Weights { get; init; }

    /// <summary>CD*: standardize each unit before the principal components (Stata xtcd2's variant); default false (the paper's).</summary>
    public bool Standardize { get; init; }

    /// <summary>
    /// Unbalanced panels: let CD_W, CD_W+ and CD* (defined for balanced panels) use the periods in which every unit is
    /// observed (default false: they are reported as not applicable). An extension, not the papers' statistics.
    /// </summary>
    public bool DropIncompletePeriods { get; init; }

    /// <summary>
    /// Side of the square tiles in which pair statistics (unbalanced overlaps, CD_W+'s screening, LM_adj, local CD,
    /// mean |rho|) are computed; 0 (default) for 1024. Memory for pairs is a few tiles, never N x N.
    /// </summary>
    public int PairTileSize { get; init; }

    /// <summary>Neighbour matrix (N x N) for the local CD over pairs with a nonzero entry; null for none.</summary>
    public Matrix<double>? Neighbours { get; init; }

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Tests a raw variable of a panel for cross-sectional dependence.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="variable">The variable to test.</param>
    public CrossSectionalDependenceResult Test(PanelData panel, string variable)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var e = (double[])panel.Values(variable).Clone();
        return Run(new CdInput(e, panel.T, panel.N, panel.Entities, $"variable '{variable}'") { EntityName = panel.EntityName });
    }

    /// <summary>Tests the panel's only variable (use the overload with a name when it has several).</summary>
    /// <param name="panel">A one-variable panel.</param>
    public CrossSectionalDependenceResult Test(PanelData panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (panel.Variables.Count != 1)
            throw new ArgumentException($"The panel has {panel.Variables.Count} variables ({string.Join(", ", panel.Variables)}); name the one to test.",
                nameof(panel));
        return Test(panel, panel.Variables[0]);
    }

    /// <summary>Tests a T x N matrix (rows periods, columns units, NaN for gaps), e.g. residuals from elsewhere.</summary>
    /// <param name="residuals">The matrix.</param>
    public CrossSectionalDependenceResult Test(Matrix<double> residuals)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        var e = residuals.ToColumnMajorArray();
        foreach (var v in e)
            if (double.IsInfinity(v)) throw new ArgumentException("The matrix holds an infinite value; use NaN for gaps.", nameof(residuals));
        var ent = Enumerable.Range(1, residuals.ColumnCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Run(new CdInput(e, residuals.RowCount, residuals.ColumnCount, ent, "matrix"));
    }

    /// <summary>Tests the residuals of a fitted panel regression (CD* uses its partial residuals).</summary>
    /// <param name="fit">The fitted regression.</param>
    public CrossSectionalDependenceResult Test(PanelRegressionResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Run(CdInput.FromFit(fit));
    }

    internal CrossSectionalDependenceResult Run(CdInput input)
    {
        var la = Backend ?? LinearAlgebraBackends.Default;
        if (Draws < 1) throw new ArgumentException("Draws must be at least 1.", nameof(Draws));
        var diagnostics = new List<Diagnostic>(input.Diagnostics ?? []);
        int t0 = input.T, n0 = input.N;
        if (t0 < 3 || n0 < 3) throw new ArgumentException($"Cross-sectional dependence tests need at least 3 units and 3 periods; got N = {n0}, T = {t0}.",
            "panel");

        // Exclude units that cannot have a correlation: fewer than 2 observations, or constant. "Constant" is relative
        // to the scale of the whole panel (the largest |value|), so data measured in tiny units (1e-18) are not mistaken
        // for constants. One pass over the data gives each unit's count and range, and the scale.
        var counts = new int[n0];
        var ranges = new double[n0];
        double scale = 0;
        for (int i = 0; i < n0; i++)
        {
            int count = 0; double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var v in input.E.AsSpan(i * t0, t0))
                if (!double.IsNaN(v)) { count++; if (v < min) min = v; if (v > max) max = v; }
            counts[i] = count; ranges[i] = max - min;
            if (count > 0) scale = Math.Max(scale, Math.Max(Math.Abs(min), Math.Abs(max)));
        }
        var keep = new List<int>(n0);
        bool balanced = true;
        for (int i = 0; i < n0; i++)
        {
            if (counts[i] < 2)
                diagnostics.Add(Diagnostic.Warning($"Unit '{input.Entities[i]}' has {counts[i]} observation(s) and was excluded.", "unit-excluded"));
            else if (ranges[i] <= 1e-12 * scale) diagnostics.Add(Diagnostic.Warning($"Unit '{input.Entities[i]}' is constant over its periods and " +
                $"was excluded.", "unit-excluded"));
            else { keep.Add(i); balanced &= counts[i] == t0; }
        }
        if (keep.Count < 3) throw new ArgumentException($"Only {keep.Count} unit(s) vary over time; cross-sectional dependence tests need at least 3.",
            "panel");
        int n = keep.Count, t = t0;
        // The input arrays are this run's own copies, so they are used as they are when every unit stays.
        var e = keep.Count == n0 ? input.E : Select(input.E, t, keep);
        var partial = input.Partial is null || keep.Count == n0 ? input.Partial : Select(input.Partial, t, keep);
        var entities = keep.Select(i => input.Entities[i]).ToArray();

        // Nothing reads the data after Z unless CD_W, CD_W+ or CD* are requested: then Z overwrites them (no copy).
        bool overwrite = balanced && (Tests & (CdTests.CDw | CdTests.CDwPlus | CdTests.CDStar)) == 0;
        var pc = PairwiseCorrelations.Compute(e, t, n, la, PairTileSize, balanced, overwrite);
        int passes = 0;
        double threshold = JuodisReese.Threshold(n, t);
        bool screening = Tests.HasFlag(CdTests.CDwPlus) && balanced && !JuodisReese.ScreensNothing(threshold);
        bool lmFamily = (Tests & (CdTests.LM | CdTests.ScaledLM | CdTests.BiasCorrectedScaledLM)) != 0;
        // Balanced panels: CD alone needs only the row sums of Z (O(N T), sum_{i<j} rho_ij = (||Z 1||^2 - N) / 2); the LM
        // family the T x T moments of Z (O(N T^2)). Up to GramLimit units, Z'Z in row panels gives every pair in one sweep
        // instead, which pays when CD_W+'s screening visits the pairs anyway (the sweep also gives it and mean |rho|) or when
        // the N x N Gram is the smaller product (N <= T). Unbalanced: the pair overlaps, tile by tile.
        bool sweep = balanced && pc.UsesGram && (screening || (lmFamily && n <= t));
        var engine = !balanced || sweep ? CdStatistics.FromPairs(pc, threshold)
            : lmFamily ? CdStatistics.FromMoments(pc, la) : CdStatistics.FromRowSums(pc);
        if (!balanced) passes++;
        if (engine.Dropped > 0)
            diagnostics.Add(Diagnostic.Warning($"{engine.Dropped} of {(long)n * (n - 1) / 2} pairs have fewer than 2 common periods (or no " +
                $"variance there) and were dropped.", "pairs-dropped"));
        if (engine.Pairs == 0) throw new ArgumentException("No pair of units has 2 or more common periods.", "panel");
        if (input.CommonEffectsRemoved && Tests.HasFlag(CdTests.CD))
            diagnostics.Add(Diagnostic.Warning("The residuals come from a model with estimated common effects (time effects, CCE or factors); CD " +
                "is biased there (Juodis and Reese 2022). Prefer CD_W or CD*.", "cd-biased"));
        // Mean |rho| needs every pair: on the sweep it came with the sums; otherwise it shares the pass CD_W+'s screening
        // makes, or, while the pairs are few, is summed when first read (no requested statistic needs it); beyond that it
        // is not computed (said in a diagnostic).
        double? above = sweep ? engine.AboveThreshold : null;
        Func<double?>? meanAbsRho = null;
        if (balanced && !sweep && screening)
        {
            var sums = pc.Reduce(new AbsoluteCorrelationSums(threshold));
            passes++;
            above = sums.Above;
            engine.SetMeanAbsRho(sums.All / sums.Pairs);
        }
        else if (balanced && !sweep && n <= PairwiseCorrelations.DenseLimit / 2)
            meanAbsRho = () =>
            {
                var sums = pc.Reduce(new AbsoluteCorrelationSums(double.PositiveInfinity));
                return sums.All / sums.Pairs;
            };
        else if (balanced && !sweep)
            diagnostics.Add(Diagnostic.Info($"Mean |rho| was not computed: it needs all {engine.Pairs} pairs and no requested statistic visits them.",
                "mean-abs-rho-skipped"));

        var tests = new List<CdStatistic>();
        const string independence = "No cross-sectional dependence";
        if (Tests.HasFlag(CdTests.CD))
            tests.Add(new("CD", TestResult.Create("Pesaran CD", "Weak cross-sectional dependence", engine.Cd, ReferenceDistribution.Normal, Tail.TwoSided)));
        if (Tests.HasFlag(CdTests.LM))
            tests.Add(new("LM", TestResult.Create("Breusch-Pagan LM", independence, engine.Lm, ReferenceDistribution.ChiSquared(engine.Pairs), Tail.Upper)));
        if (Tests.HasFlag(CdTests.ScaledLM))
            tests.Add(new("ScaledLM", TestResult.Create("Pesaran scaled LM", independence, engine.ScaledLm, ReferenceDistribution.Normal, Tail.TwoSided)));
        if (Tests.HasFlag(CdTests.BiasCorrectedScaledLM)) tests.Add(BaltagiFengKao.Test(engine, n, input.WithinResiduals));
        if (Tests.HasFlag(CdTests.LMAdj))
        {
            var bases = input.UnitBases is null ? null : keep.Select(i => input.UnitBases[i]).ToArray();
            if (bases is not null && balanced && !pc.UsesGram) passes++;
            tests.Add(PuyLmAdj.Test(pc, bases, balanced, la));
        }
        // CD_W, CD_W+ and CD* need a balanced block: the whole panel, or its complete periods on request.
        double[] eb = e; double[]? pb = partial; int tb = t; bool balancedBlock = balanced; var pcb = pc;
        if (!balanced && DropIncompletePeriods && (Tests & (CdTests.CDw | CdTests.CDwPlus | CdTests.CDStar)) != 0)
        {
            var rows = Enumerable.Range(0, t).Where(s => Enumerable.Range(0, n).All(i =>
                !double.IsNaN(e[s + i * t]) && (partial is null || !double.IsNaN(partial[s + i * t])))).ToArray();
            if (rows.Length >= 3)
            {
                eb = Rows(e, t, n, rows); pb = partial is null ? null : Rows(partial, t, n, rows); tb = rows.Length;
                balancedBlock = true;
                pcb = PairwiseCorrelations.Compute(eb, tb, n, la, PairTileSize);
                diagnostics.Add(Diagnostic.Warning($"CD_W, CD_W+ and CD* use the {tb} of {t} periods in which every unit is observed.",
                    "incomplete-periods-dropped"));
            }
            else diagnostics.Add(Diagnostic.Warning($"Only {rows.Length} period(s) observe every unit; CD_W, CD_W+ and CD* need 3.", "incomplete-periods"));
        }
        double[,]? weights = null;
        if (Tests.HasFlag(CdTests.CDw) || Tests.HasFlag(CdTests.CDwPlus))
        {
            var blockPc = pcb;
            double PowerEnhancement()
            {
                if (above is { } a && ReferenceEquals(blockPc, pc)) return a;
                if (!JuodisReese.ScreensNothing(JuodisReese.Threshold(blockPc.N, blockPc.T)) && !blockPc.UsesGram) passes++;
                return JuodisReese.PowerEnhancement(blockPc);
            }
            var (cdw, cdwPlus, w) = JuodisReese.Test(this, eb, tb, n, n0, balancedBlock, PowerEnhancement, keep, la);
            weights = w;
            if (Tests.HasFlag(CdTests.CDw)) tests.Add(cdw);
            if (Tests.HasFlag(CdTests.CDwPlus)) tests.Add(cdwPlus);
        }
        FactorNumberResult? selection = null;
        if (Tests.HasFlag(CdTests.CDStar))
        {
            // CD* is the last reader of the data (the run's own copies): it works in them instead of copying.
            var (star, sel) = PesaranXie.Test(this, balancedBlock ? pb ?? eb : partial ?? e, balancedBlock ? tb : t, n, input, la);
            tests.Add(star);
            selection = sel;
        }
        if (Neighbours is not null) { tests.Add(LocalCd.Test(Neighbours, pc, keep, n0)); if (!pc.UsesGram) passes++; }

        int tile = Math.Min(pc.TileSize, n), tiles = (n + tile - 1) / tile;
        string computation = (sweep ? "CD, LM family and mean |rho| summed over the N x N Gram of the standardized data as it is formed (N <= "
                + PairwiseCorrelations.GramLimit + ", no N x N array)"
                : !balanced ? "CD and LM family summed over the pair overlaps"
                : lmFamily ? "CD and LM family from the moments of the standardized data (O(N T^2), no pair formed)"
                : "CD from the row sums of the standardized data (O(N T), no pair formed)")
            + (meanAbsRho is null ? "" : "; mean |rho| summed over the pairs when first read")
            + (passes == 0 ? "" : $"; {passes} pass(es) over the pairs in {(long)tiles * (tiles + 1) / 2} tile(s) of {tile} x {tile}");
        var engineMeanAbsRho = engine.MeanAbsRho;
        return new CrossSectionalDependenceResult(n, t, engine.Pairs, engine.Dropped, balanced, input.Source, tests,
            engine.MeanRho, meanAbsRho ?? (() => engineMeanAbsRho), pc, entities, selection, weights, diagnostics)
        { Computation = computation, EntityName = input.EntityName };
    }

    private static double[] Rows(double[] e, int t, int n, int[] rows)
    {
        var r = new double[rows.Length * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < rows.Length; k++) r[k + i * rows.Length] = e[rows[k] + i * t];
        return r;
    }

    private static double[] Select(double[] e, int t, List<int> keep)
    {
        var r = new double[t * keep.Count];
        for (int k = 0; k < keep.Count; k++) Array.Copy(e, keep[k] * t, r, k * t, t);
        return r;
    }
}
