using Econometrics.LinearAlgebra;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>
/// Pooled OLS, one- and two-way fixed effects, random effects (Swamy-Arora) and first differences: OLS on the
/// transformed stacked data, as plm fits them, with aliased terms dropped and named and any <see cref="PanelCovariance"/>.
/// </summary>
internal static class LinearPanel
{
    /// <summary>The used cells as rows (unit-major, time ascending) with dense unit and period indices.</summary>
    internal sealed record Rows(int[] Cells, int[] Unit, int[] Time, int Units, int Periods, int[] UnitSize, string[] UnitLabels);

    /// <summary>The used rows and the model's transformed regression (before aliased terms are dropped).</summary>
    internal static (Rows Rows, Transformed T) Transform(PanelModel model, RegressionData d, List<Diagnostic> diagnostics, ILinearAlgebra la)
    {
        var rows = UsedRows(d);
        int m0 = rows.Cells.Length, k = d.K;
        if (model != PanelModel.Pooled && rows.Periods < 2)
            throw new ArgumentException($"The {PanelRegression.Describe(model)} model needs at least 2 periods; the data have {rows.Periods}.", "panel");
        var y = new double[m0];
        for (int r = 0; r < m0; r++) y[r] = d.Y[rows.Cells[r]];
        var x = new double[m0 * k];
        for (int p = 0; p < k; p++) { var xp = d.X[p]; for (int r = 0; r < m0; r++) x[r + p * m0] = xp[rows.Cells[r]]; }
        var names = d.Formula.Regressors.ToList();
        int singletons = rows.UnitSize.Count(s => s == 1);
        if (singletons > 0 && model is PanelModel.FixedEffects or PanelModel.TwoWayFixedEffects or PanelModel.RandomEffects or PanelModel.FirstDifferences)
            diagnostics.Add(Diagnostic.Info($"{singletons} unit(s) observed once carry no within-unit information.", "singletons"));
        Transformed t = model switch
        {
            PanelModel.Pooled => Pooled(y, x, rows, k, names),
            PanelModel.FixedEffects => Within(y, x, rows, k, names, twoWay: false, diagnostics),
            PanelModel.TwoWayFixedEffects => Within(y, x, rows, k, names, twoWay: true, diagnostics),
            PanelModel.RandomEffects => RandomEffects.Transform(y, x, rows, k, names, diagnostics, la),
            PanelModel.FirstDifferences => FirstDifferences(y, x, rows, k, names, diagnostics),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Not a linear panel model."),
        };
        return (rows, t);
    }

    public static PanelRegressionResult Fit(PanelRegression options, RegressionData d, ILinearAlgebra la)
    {
        var diagnostics = new List<Diagnostic>();
        var (rows, t) = Transform(options.Model, d, diagnostics, la);
        int k = d.K;
        var keep = Aliasing.Keep(t.X, t.M, t.P, t.RawScale, t.Names, t.AbsorbedBy, diagnostics, la);
        if (keep.Length == 0 || keep.All(j => t.Names[j] == "(Intercept)"))
            throw new ArgumentException($"No regressor of '{d.Formula.Text}' is left to estimate in the {PanelRegression.Describe(options.Model)} model.", "formula");
        int p0 = keep.Length, m = t.M;
        var xk = t.X;
        if (p0 < t.P)
        {
            xk = new double[m * p0];
            for (int q = 0; q < p0; q++) Array.Copy(t.X, keep[q] * m, xk, q * m, m);
        }
        var kNames = keep.Select(j => t.Names[j]).ToArray();
        int slopes = kNames.Count(n => n != "(Intercept)");
        int df = t.ResidualDf(p0, slopes);
        if (df <= 0) throw new ArgumentException($"The {PanelRegression.Describe(options.Model)} model has no residual degrees of freedom ({m} rows for {p0} coefficients).", "panel");

        var b = Ols.Solve(xk, m, p0, t.Y, la);
        var e = Ols.Residuals(xk, m, p0, t.Y, b, la);
        double ssr = 0;
        foreach (var v in e) ssr += v * v;
        var bread = Ols.CrossProductInverse(xk, m, p0, la);
        var covArr = new double[p0 * p0];
        var vcov = options.Covariance ?? PanelCovariance.Classical;
        var kind = vcov.Kind;
        if (kind is CovarianceKind.Classical)
            for (int i = 0; i < covArr.Length; i++) covArr[i] = bread[i] * ssr / df;
        else if (kind is CovarianceKind.MeanGroup)
            throw new ArgumentException($"The mean-group variance belongs to CCE mean group and unit-by-unit OLS, not the {PanelRegression.Describe(options.Model)} model.", "vcov");
        else
        {
            var design = new Sandwich.Design(xk, m, p0, e, t.Unit, t.Time, rows.Units, t.Time.Max() + 1, t.Hc1Rows - p0, rows.UnitSize.Max());
            covArr = Sandwich.Covariance(design, bread, vcov, la);
            if (kind is CovarianceKind.DriscollKraay)
                diagnostics.Add(Diagnostic.Info($"Driscoll-Kraay lag window {Sandwich.Window(design, vcov)} (Bartlett weights).", "dk-lags"));
        }
        var cov = Matrix<double>.Build.Dense(p0, p0, covArr);

        // Residuals on the T x N grid at each row's cell; y - x'b (slopes, levels) for CD*.
        var residuals = new double[d.T * d.N];
        Array.Fill(residuals, double.NaN);
        for (int r = 0; r < m; r++) residuals[t.Cell[r]] = e[r];
        var slopeOf = new double[k];
        for (int q = 0; q < p0; q++) { int j = d.Formula.Regressors.ToList().IndexOf(kNames[q]); if (j >= 0) slopeOf[j] = b[q]; }
        var partial = d.Partial(slopeOf);
        var stats = Statistics(options, t, b, e, cov, df, d, slopeOf, rows, kNames, la);
        return PanelRegressionResult.Create(options, d, kNames, b, cov, df, residuals, partial,
            withinResiduals: options.Model is PanelModel.FixedEffects or PanelModel.TwoWayFixedEffects,
            commonEffects: options.Model == PanelModel.TwoWayFixedEffects, diagnostics,
            stats: stats, units: rows.Units, periods: rows.Periods, randomEffects: t.RandomEffects, covariance: vcov);
    }

    /// <summary>A transformed regression: design and response, each row's unit/period/cell, and the df rule.</summary>
    internal sealed record Transformed(double[] X, int M, int P, double[] Y, IReadOnlyList<string> Names, int[] Unit, int[] Time, int[] Cell,
        double[]? RawScale, string AbsorbedBy, bool Intercept, Func<int, int, int> ResidualDf, int Hc1Rows, RandomEffectsComponents? RandomEffects = null);

    internal static Rows UsedRows(RegressionData d)
    {
        var cells = new int[d.NObs];
        var unitOf = new int[d.NObs];
        var time = new int[d.NObs];
        var sizes = new List<int>();
        var labels = new List<string>();
        var periodUsed = new bool[d.T];
        int m = 0;
        for (int i = 0; i < d.N; i++)
        {
            int count = 0;
            for (int s = 0; s < d.T; s++)
            {
                int c = s + i * d.T;
                if (!d.Used[c]) continue;
                cells[m] = c; unitOf[m] = sizes.Count; time[m] = s; periodUsed[s] = true; count++; m++;
            }
            if (count > 0) { sizes.Add(count); labels.Add(d.Entities[i]); }
        }
        var dense = new int[d.T];
        int periods = 0;
        for (int s = 0; s < d.T; s++) dense[s] = periodUsed[s] ? periods++ : -1;
        for (int r = 0; r < m; r++) time[r] = dense[time[r]];
        return new Rows(cells, unitOf, time, sizes.Count, periods, sizes.ToArray(), labels.ToArray());
    }

    private static Transformed Pooled(double[] y, double[] x, Rows rows, int k, List<string> names)
    {
        int m = y.Length;
        var xi = new double[m * (k + 1)];
        Array.Fill(xi, 1.0, 0, m);
        Array.Copy(x, 0, xi, m, m * k);
        return new Transformed(xi, m, k + 1, y, names.Prepend("(Intercept)").ToList(), rows.Unit, rows.Time, rows.Cells, null, "",
            true, (p, _) => m - p, m);
    }

    /// <summary>The within transformation, in place on y and x (fresh copies of the used cells).</summary>
    private static Transformed Within(double[] y, double[] x, Rows rows, int k, List<string> names, bool twoWay, List<Diagnostic> diagnostics)
    {
        int m = y.Length;
        var raw = new double[k];
        for (int p = 0; p < k; p++) raw[p] = CenteredNorm(x.AsSpan(p * m, m));
        var yt = y;
        var xt = x;
        if (twoWay)
        {
            bool ok = DemeanTwoWay(yt, 0, rows);
            for (int p = 0; p < k; p++) ok &= DemeanTwoWay(xt, p * m, rows);
            if (!ok) diagnostics.Add(Diagnostic.Warning("The two-way demeaning did not converge in 10000 sweeps.", "twfe-not-converged"));
        }
        else
        {
            DemeanUnits(yt, 0, rows);
            for (int p = 0; p < k; p++) DemeanUnits(xt, p * m, rows);
        }
        int effects = rows.Units + (twoWay ? rows.Periods - 1 : 0);
        return new Transformed(xt, m, k, yt, names, rows.Unit, rows.Time, rows.Cells, raw,
            twoWay ? "it is absorbed by the unit and period fixed effects" : "it does not vary within units (absorbed by the unit fixed effects)",
            false, (p, _) => m - effects - p, m);
    }

    private static Transformed FirstDifferences(double[] y, double[] x, Rows rows, int k, List<string> names, List<Diagnostic> diagnostics)
    {
        int m0 = y.Length;
        var keep = new List<int>();
        for (int r = 1; r < m0; r++) if (rows.Unit[r] == rows.Unit[r - 1]) keep.Add(r);
        int m = keep.Count;
        if (m == 0) throw new ArgumentException("First differences need a unit observed in at least 2 periods.", "panel");
        int gaps = keep.Count(r => rows.Time[r] - rows.Time[r - 1] > 1);
        if (gaps > 0)
            diagnostics.Add(Diagnostic.Info($"{gaps} difference(s) span a gap in time (consecutive observed periods are differenced, as plm).", "fd-gaps"));
        var xd = new double[m * (k + 1)];
        Array.Fill(xd, 1.0, 0, m);
        var yd = new double[m];
        var raw = new double[k + 1];
        raw[0] = 0;
        for (int q = 0; q < m; q++)
        {
            int r = keep[q];
            yd[q] = y[r] - y[r - 1];
            for (int p = 0; p < k; p++) xd[q + (p + 1) * m] = x[r + p * m0] - x[r - 1 + p * m0];
        }
        // plm drops differenced columns with variance below 1e-12 (e.g. a linear trend); the rest are checked for aliasing.
        for (int p = 0; p < k; p++) raw[p + 1] = Variance(xd.AsSpan((p + 1) * m, m)) > 1e-12 ? 0 : double.PositiveInfinity;
        var unit = keep.Select(r => rows.Unit[r]).ToArray();
        // Differences are dated by their later period; period clusters are the periods that date a difference (plm: T - 1).
        var dates = keep.Select(r => rows.Time[r]).Distinct().Order().ToArray();
        var time = keep.Select(r => Array.BinarySearch(dates, rows.Time[r])).ToArray();
        var cell = keep.Select(r => rows.Cells[r]).ToArray();
        return new Transformed(xd, m, k + 1, yd, names.Prepend("(Intercept)").ToList(), unit, time, cell, raw,
            "its first differences are constant (as plm, such terms are dropped)", true, (p, _) => m - p, m0);
    }

    private static double Variance(ReadOnlySpan<double> v)
    {
        double mean = 0; foreach (var a in v) mean += a; mean /= v.Length;
        double s = 0; foreach (var a in v) s += (a - mean) * (a - mean);
        return v.Length > 1 ? s / (v.Length - 1) : 0;
    }

    internal static double CenteredNorm(ReadOnlySpan<double> v)
    {
        double mean = 0; foreach (var a in v) mean += a; mean /= v.Length;
        double s = 0; foreach (var a in v) s += (a - mean) * (a - mean);
        return Math.Sqrt(s);
    }

    /// <summary>Subtracts unit means in place from v[offset .. offset + m): rows are unit-major, so each unit is one contiguous run.</summary>
    internal static void DemeanUnits(double[] v, int offset, Rows rows)
    {
        int start = offset;
        foreach (int size in rows.UnitSize)
        {
            var run = v.AsSpan(start, size);
            double sum = 0;
            foreach (var a in run) sum += a;
            double mean = sum / size;
            for (int r = 0; r < run.Length; r++) run[r] -= mean;
            start += size;
        }
    }

    /// <summary>Subtracts group means in place from v[offset .. offset + m).</summary>
    internal static void DemeanGroups(double[] v, int offset, int[] group, int groups, int m)
    {
        var sum = GroupSums(v.AsSpan(offset, m), group, groups);
        var count = new int[groups];
        foreach (var g in group.AsSpan(0, m)) count[g]++;
        for (int g = 0; g < groups; g++) if (count[g] > 0) sum[g] /= count[g];
        for (int r = 0; r < m; r++) v[offset + r] -= sum[group[r]];
    }

    /// <summary>
    /// Per-group sums of v, accumulated over runs of equal group labels in a register (rows are unit-major, so a
    /// unit is one run), rather than by a read-modify-write of the group's slot for every row.
    /// </summary>
    internal static double[] GroupSums(ReadOnlySpan<double> v, int[] group, int groups)
    {
        var sum = new double[groups];
        if (v.Length == 0) return sum;
        int current = group[0];
        double acc = 0;
        for (int r = 0; r < v.Length; r++)
        {
            if (group[r] != current) { sum[current] += acc; acc = 0; current = group[r]; }
            acc += v[r];
        }
        sum[current] += acc;
        return sum;
    }

    /// <summary>
    /// Two-way within transformation by alternating projections (exact after one sweep when balanced; converges
    /// geometrically otherwise), which avoids forming T time dummies for large panels.
    /// </summary>
    internal static bool DemeanTwoWay(double[] v, int offset, Rows rows)
    {
        int m = rows.Cells.Length;
        double scale = 0;
        for (int r = 0; r < m; r++) scale = Math.Max(scale, Math.Abs(v[offset + r]));
        var before = new double[m];
        for (int sweep = 0; sweep < 10000; sweep++)
        {
            DemeanUnits(v, offset, rows);
            Array.Copy(v, offset, before, 0, m);
            DemeanGroups(v, offset, rows.Time, rows.Periods, m);
            double change = 0;
            for (int r = 0; r < m; r++) change = Math.Max(change, Math.Abs(v[offset + r] - before[r]));
            if (change <= 1e-14 * Math.Max(scale, 1e-300)) { DemeanUnits(v, offset, rows); return true; }
        }
        return false;
    }

    private static LinearFitStatistics Statistics(PanelRegression options, Transformed t, double[] b, double[] e,
        Matrix<double> cov, int df, RegressionData d, double[] slopeOf, Rows rows, string[] names, ILinearAlgebra la)
    {
        int m = t.M, m0 = rows.Cells.Length;
        // plm's R-squared: the squared correlation of the transformed response and its fit (1 - SSR/TSS whenever the
        // transformed design holds a constant or is demeaned; different for unbalanced random effects).
        var fitted = new double[m];
        for (int r = 0; r < m; r++) fitted[r] = t.Y[r] - e[r];
        double r2 = Correlation2(t.Y, fitted);
        double adj = 1 - (1 - r2) * (m - 1.0) / df;
        // Levels fit x'b (slopes only) and its within-unit version, for the overall and within R-squared.
        var y = new double[m0];
        var fit = new double[m0];
        for (int r = 0; r < m0; r++) y[r] = d.Y[rows.Cells[r]];
        for (int p = 0; p < slopeOf.Length; p++)
        {
            var xp = d.X[p];
            for (int r = 0; r < m0; r++) fit[r] += slopeOf[p] * xp[rows.Cells[r]];
        }
        double overall = Correlation2(y, fit);
        double within;
        if (options.Model is PanelModel.FixedEffects or PanelModel.TwoWayFixedEffects) within = r2;
        else
        {
            var yw = (double[])y.Clone(); var fw = (double[])fit.Clone();
            DemeanUnits(yw, 0, rows); DemeanUnits(fw, 0, rows);
            within = Correlation2(yw, fw);
        }
        // Joint test of the slopes: W = b_s' V_s^-1 b_s.
        var slopeIdx = Enumerable.Range(0, names.Length).Where(q => names[q] != "(Intercept)").ToArray();
        int s = slopeIdx.Length;
        var vs = new double[s * s];
        for (int i = 0; i < s; i++) for (int j = 0; j < s; j++) vs[i + j * s] = cov[slopeIdx[i], slopeIdx[j]];
        double w = QuadraticForm(vs, s, slopeIdx.Select(q => b[q]).ToArray(), la);
        const string h0 = "All slopes are zero";
        var kind = (options.Covariance ?? PanelCovariance.Classical).Kind;
        TestResult joint;
        if (double.IsNaN(w))
            joint = TestResult.Invalid("Wald test of all slopes", h0, ReferenceDistribution.None,
                "The slopes' covariance is not positive definite (two-way clustering can give an indefinite V_unit + V_time - V_white).");
        else if (options.Model == PanelModel.RandomEffects && kind == CovarianceKind.Classical)
            joint = TestResult.Create("Wald test of all slopes", h0, w, ReferenceDistribution.ChiSquared(s), Tail.Upper);
        else
        {
            int df2 = kind switch
            {
                CovarianceKind.ClusterUnit => rows.Units - 1,
                CovarianceKind.ClusterTime or CovarianceKind.DriscollKraay => rows.Periods - 1,
                CovarianceKind.ClusterTwoWay => Math.Min(rows.Units, rows.Periods) - 1,
                _ => df,
            };
            joint = TestResult.Create(kind == CovarianceKind.Classical ? "F test of all slopes" : "Robust Wald F test of all slopes", h0,
                w / s, ReferenceDistribution.F(s, df2), Tail.Upper);
        }
        return new LinearFitStatistics(r2, adj, within, overall, joint);
    }

    /// <summary>b' V^-1 b, or NaN when V is not positive definite.</summary>
    private static double QuadraticForm(double[] v, int s, double[] b, ILinearAlgebra la)
    {
        var x = (double[])b.Clone();
        if (!la.TrySolveSpd(s, 1, v, x)) return double.NaN;
        double w = 0;
        for (int i = 0; i < s; i++) w += b[i] * x[i];
        return w;
    }

    private static double Correlation2(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++) { double da = a[i] - ma, db = b[i] - mb; sab += da * db; saa += da * da; sbb += db * db; }
        return saa > 0 && sbb > 0 ? sab * sab / (saa * sbb) : double.NaN;
    }
}
