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
            var b = SolveUnit(xi, m, k, yi, d, i, la);
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
        return PanelRegressionResult.Create(options, d, Names(d), mg.ToArray(), cov, null, residuals, partial,
            withinResiduals: false, commonEffects: false, [], unitBases: d.Balanced ? bases : null);
    }

    private static string[] Names(RegressionData d) => ["(Intercept)", .. d.Formula.Regressors];

    // A unit whose own regressors are collinear (e.g. one constant over its periods) is named with the term.
    private static double[] SolveUnit(double[] xi, int m, int k, double[] yi, RegressionData d, int i, ILinearAlgebra la)
    {
        try { return Ols.Solve(xi, m, k, yi, la); }
        catch (ArgumentException)
        {
            Aliasing.RequireFullRank(xi, m, k, Names(d), $" in unit '{d.Entities[i]}'", PanelRegression.Describe(PanelModel.UnitOls), la);
            throw;
        }
    }
}
