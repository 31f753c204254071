using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>Pooled OLS and one- and two-way fixed effects: OLS on the (within-transformed) stacked data with classical standard errors.</summary>
internal static class LinearPanel
{
    public static PanelRegressionResult Fit(PanelRegression options, RegressionData d, ILinearAlgebra la)
    {
        var diagnostics = new List<Diagnostic>();
        int k = d.K, t = d.T, n = d.N;
        var y = (double[])d.Y.Clone();
        var xs = d.X.Select(x => (double[])x.Clone()).ToArray();
        int units = Enumerable.Range(0, n).Count(i => d.Rows(i).Length > 0);
        int periods = Enumerable.Range(0, t).Count(s => Enumerable.Range(0, n).Any(i => d.Used[s + i * t]));
        bool intercept = options.Model == PanelModel.Pooled;
        int df;
        if (options.Model == PanelModel.FixedEffects)
        {
            foreach (var v in xs.Append(y)) DemeanUnits(v, d);
            df = d.NObs - units - k;
        }
        else if (options.Model == PanelModel.TwoWayFixedEffects)
        {
            foreach (var v in xs.Append(y))
                if (!DemeanTwoWay(v, d))
                    diagnostics.Add(Diagnostic.Warning("The two-way demeaning did not converge in 10000 sweeps.", "twfe-not-converged"));
            df = d.NObs - units - periods + 1 - k;
        }
        else df = d.NObs - k - 1;
        if (df <= 0) throw new ArgumentException($"The {PanelRegression.Describe(options.Model)} model has no residual degrees of freedom.", "panel");

        int p = k + (intercept ? 1 : 0), m = d.NObs;
        var cells = Enumerable.Range(0, t * n).Where(c => d.Used[c]).ToArray();
        var x = new double[m * p];
        var yv = new double[m];
        for (int r = 0; r < m; r++)
        {
            int c = cells[r], col = 0;
            if (intercept) x[r + m * col++] = 1;
            for (int q = 0; q < k; q++) x[r + m * col++] = xs[q][c];
            yv[r] = y[c];
        }
        var b = Ols.Solve(x, m, p, yv, la);
        var e = Ols.Residuals(x, m, p, yv, b, la);
        double ss = 0;
        foreach (var v in e) ss += v * v;
        var cov = Matrix<double>.Build.Dense(p, p, Ols.CrossProductInverse(x, m, p, la)) * (ss / df);
        var names = (intercept ? new[] { "(Intercept)" } : []).Concat(d.Formula.Regressors).ToArray();
        var residuals = new double[t * n];
        Array.Fill(residuals, double.NaN);
        for (int r = 0; r < cells.Length; r++) residuals[cells[r]] = e[r];
        int offset = intercept ? 1 : 0;
        var partial = d.Partial((_, q) => b[q + offset]);
        return PanelRegressionResult.Create(options, d, names, b, cov, df, residuals, partial,
            withinResiduals: options.Model != PanelModel.Pooled,
            commonEffects: options.Model == PanelModel.TwoWayFixedEffects, diagnostics);
    }

    /// <summary>Subtracts each unit's mean over its used cells.</summary>
    public static void DemeanUnits(double[] v, RegressionData d)
    {
        for (int i = 0; i < d.N; i++)
        {
            double sum = 0; int count = 0;
            for (int s = 0; s < d.T; s++) if (d.Used[s + i * d.T]) { sum += v[s + i * d.T]; count++; }
            if (count == 0) continue;
            double mean = sum / count;
            for (int s = 0; s < d.T; s++) if (d.Used[s + i * d.T]) v[s + i * d.T] -= mean;
        }
    }

    private static void DemeanTimes(double[] v, RegressionData d)
    {
        for (int s = 0; s < d.T; s++)
        {
            double sum = 0; int count = 0;
            for (int i = 0; i < d.N; i++) if (d.Used[s + i * d.T]) { sum += v[s + i * d.T]; count++; }
            if (count == 0) continue;
            double mean = sum / count;
            for (int i = 0; i < d.N; i++) if (d.Used[s + i * d.T]) v[s + i * d.T] -= mean;
        }
    }

    /// <summary>
    /// Two-way within transformation by alternating projections (exact after one sweep when balanced; converges
    /// geometrically otherwise), which avoids forming T time dummies for large panels.
    /// </summary>
    public static bool DemeanTwoWay(double[] v, RegressionData d)
    {
        double scale = 0;
        for (int c = 0; c < v.Length; c++) if (d.Used[c]) scale = Math.Max(scale, Math.Abs(v[c]));
        for (int sweep = 0; sweep < 10000; sweep++)
        {
            DemeanUnits(v, d);
            var before = (double[])v.Clone();
            DemeanTimes(v, d);
            double change = 0;
            for (int c = 0; c < v.Length; c++) if (d.Used[c]) change = Math.Max(change, Math.Abs(v[c] - before[c]));
            if (change <= 1e-14 * Math.Max(scale, 1e-300)) { DemeanUnits(v, d); return true; }
        }
        return false;
    }
}
