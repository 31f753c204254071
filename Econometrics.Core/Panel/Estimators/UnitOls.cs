using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>Unit-by-unit OLS with intercepts (plm's model = NULL); mean-group coefficients with the nonparametric MG variance.</summary>
internal static class UnitOls
{
    public static PanelRegressionResult Fit(PanelRegression options, RegressionData d, ILinearAlgebra la)
    {
        int k = d.K + 1, t = d.T, n = d.N;
        var residuals = new double[t * n];
        Array.Fill(residuals, double.NaN);
        var bases = new double[n][];
        var coefs = new List<Vector<double>>();
        var slopes = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var rows = d.Rows(i);
            int m = rows.Length;
            if (m == 0) continue;
            if (m <= k) throw new ArgumentException($"Unit '{d.Entities[i]}' has {m} periods for {k} coefficients.", "panel");
            var xi = new double[m * k];
            var yi = new double[m];
            for (int r = 0; r < m; r++)
            {
                int c = rows[r] + i * t;
                xi[r] = 1;
                for (int p = 1; p < k; p++) xi[r + p * m] = d.X[p - 1][c];
                yi[r] = d.Y[c];
            }
            var b = Ols.Solve(xi, m, k, yi, la);
            var e = Ols.Residuals(xi, m, k, yi, b, la);
            for (int r = 0; r < m; r++) residuals[rows[r] + i * t] = e[r];
            coefs.Add(Vector<double>.Build.Dense(b));
            slopes[i] = b;
            // LM_adj needs only the span of each unit's regressors.
            if (m == t) bases[i] = Ols.OrthonormalBasis(xi, m, k, la, out _);
        }
        int nu = coefs.Count;
        var mg = coefs.Aggregate((a, b) => a + b) / nu;
        var cov = Matrix<double>.Build.Dense(k, k);
        foreach (var b in coefs) { var dv = b - mg; cov += dv.OuterProduct(dv); }
        cov /= nu * (nu - 1.0);
        var partial = d.Partial((i, p) => slopes[i][p + 1]);
        var names = new[] { "(Intercept)" }.Concat(d.Formula.Regressors).ToArray();
        return PanelRegressionResult.Create(options, d, names, mg.ToArray(), cov, null, residuals, partial,
            withinResiduals: false, commonEffects: false, [], unitBases: d.Balanced ? bases : null);
    }
}
