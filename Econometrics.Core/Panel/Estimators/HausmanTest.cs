using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>
/// Hausman's (1978) test of fixed against random effects, as plm's phtest: the contrast
/// H = (b_FE - b_RE)' (V_FE - V_RE)^-1 (b_FE - b_RE) ~ chi2(k) over the common slopes; or, with a
/// <see cref="Covariance"/>, the regression-based form (Wooldridge 2010, sec. 10.7.3): pooled OLS of the quasi-demeaned
/// response on a constant, the quasi-demeaned regressors and the within-demeaned regressors, and a Wald test that the
/// within block is zero under that covariance (robust to heteroskedasticity and serial correlation when clustered).
/// </summary>
/// <param name="Formula">Response ~ regressors.</param>
public sealed record HausmanTest(string Formula)
{
    /// <summary>Response ~ regressors.</summary>
    public string Formula { get; init; } = Formula ?? throw new ArgumentNullException(nameof(Formula));

    /// <summary>Null: the contrast form; otherwise the regression-based form with this covariance (classical reproduces plm's method = "aux").</summary>
    public PanelCovariance? Covariance { get; init; }

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Runs the test.</summary>
    /// <param name="panel">The panel.</param>
    public TestResult Test(PanelData panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var options = new PanelRegression(Formula, PanelModel.FixedEffects);
        return Covariance is null ? Contrast(panel, options) : Regression(panel, options, Covariance, Backend ?? LinearAlgebraBackends.Default);
    }

    private static TestResult Contrast(PanelData panel, PanelRegression options)
    {
        var fe = options.Fit(panel);
        var re = (options with { Model = PanelModel.RandomEffects }).Fit(panel);
        var common = fe.Coefficients.Select(c => c.Term).Where(n => re.Coefficients.Any(c => c.Term == n)).ToArray();
        int k = common.Length;
        var fi = common.Select(n => fe.Coefficients.ToList().FindIndex(c => c.Term == n)).ToArray();
        var ri = common.Select(n => re.Coefficients.ToList().FindIndex(c => c.Term == n)).ToArray();
        var d = Vector<double>.Build.Dense(k, j => fe.Coefficients[fi[j]].Estimate - re.Coefficients[ri[j]].Estimate);
        var v = Matrix<double>.Build.Dense(k, k, (i, j) => fe.Covariance[fi[i], fi[j]] - re.Covariance[ri[i], ri[j]]);
        // As plm: a general solve, since V_FE - V_RE need not be positive definite in finite samples.
        double h = d.DotProduct(v.Solve(d));
        var notes = new List<Diagnostic>(fe.Diagnostics.Concat(re.Diagnostics).Distinct());
        if (!(h >= 0)) notes.Add(Diagnostic.Warning("V_FE - V_RE is not positive semidefinite here; the contrast statistic is negative.",
            "hausman-indefinite"));
        return TestResult.Create("Hausman test (fixed vs random effects)", "Random effects are consistent (effects uncorrelated with the regressors)",
            h, ReferenceDistribution.ChiSquared(k), Tail.Upper, notes);
    }

    private TestResult Regression(PanelData panel, PanelRegression options, PanelCovariance vcov, ILinearAlgebra la)
    {
        var d = options.Data(panel);
        var diagnostics = new List<Diagnostic>();
        var (rows, re) = LinearPanel.Transform(PanelModel.RandomEffects, d, diagnostics, la);
        var (_, fe) = LinearPanel.Transform(PanelModel.FixedEffects, d, [], la);
        int m = re.M, k = d.K;
        // [1, quasi-demeaned slopes, within-demeaned regressors]; the quasi-demeaned constant is replaced by 1, as plm.
        var names = new List<string> { "(Intercept)" };
        names.AddRange(d.Formula.Regressors);
        names.AddRange(d.Formula.Regressors.Select(r => r + " (within)"));
        var x = new double[m * (2 * k + 1)];
        Array.Fill(x, 1.0, 0, m);
        Array.Copy(re.X, m, x, m, m * k);
        Array.Copy(fe.X, 0, x, m * (k + 1), m * k);
        var raw = new double[2 * k + 1];
        for (int j = k + 1; j <= 2 * k; j++) raw[j] = LinearPanel.CenteredNorm(d.Formula.Regressors.Count > 0 ? RawColumn(d, rows, j - k - 1) : []);
        var keep = Aliasing.Keep(x, m, 2 * k + 1, raw, names, "it does not vary within units", diagnostics, la);
        var within = keep.Select((j, q) => (j, q)).Where(a => a.j > k).Select(a => a.q).ToArray();
        if (within.Length == 0) throw new ArgumentException("No regressor varies within units; the Hausman test has nothing to compare.", "formula");
        int p = keep.Length;
        var xk = new double[m * p];
        for (int q = 0; q < p; q++) Array.Copy(x, keep[q] * m, xk, q * m, m);
        var b = Ols.Solve(xk, m, p, re.Y, la);
        var e = Ols.Residuals(xk, m, p, re.Y, b, la);
        var bread = Ols.CrossProductInverse(xk, m, p, la);
        double[] cov;
        if (vcov.Kind == CovarianceKind.Classical)
        {
            double s2 = e.Sum(v => v * v) / (m - p);
            cov = bread.Select(v => v * s2).ToArray();
        }
        else if (vcov.Kind == CovarianceKind.MeanGroup)
            throw new ArgumentException("The regression-based Hausman test takes a classical or robust covariance, not mean-group.", "vcov");
        else
            cov = Sandwich.Covariance(new Sandwich.Design(xk, m, p, e, rows.Unit, rows.Time, rows.Units, rows.Periods, m - p, rows.UnitSize.Max()), bread,
                vcov, la);
        int w = within.Length;
        var vw = Matrix<double>.Build.Dense(w, w, (i, j) => cov[within[i] + within[j] * p]);
        var bw = Vector<double>.Build.Dense(w, i => b[within[i]]);
        double h = bw.DotProduct(vw.Solve(bw));
        diagnostics.Add(Diagnostic.Info($"Regression-based form, {vcov.Describe()} covariance.", "hausman-regression"));
        return TestResult.Create("Regression-based Hausman test (fixed vs random effects)", "Random effects are consistent (effects uncorrelated " +
            "with the regressors)",
            h, ReferenceDistribution.ChiSquared(w), Tail.Upper, diagnostics);
    }

    private static double[] RawColumn(RegressionData d, LinearPanel.Rows rows, int p) => rows.Cells.Select(c => d.X[p][c]).ToArray();
}
