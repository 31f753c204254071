using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel;

/// <summary>Unit-by-unit OLS with intercepts (plm's model = NULL); mean-group coefficients with the nonparametric MG variance.</summary>
internal static class UnitOls
{
    public static PanelRegressionResult Fit(PanelRegression options, RegressionData d)
    {
        int k = d.K + 1, t = d.T, n = d.N;
        var residuals = new double[t * n];
        Array.Fill(residuals, double.NaN);
        var bases = new double[n][];
        var coefs = new List<Vector<double>>();
        var slopes = new Vector<double>?[n];
        for (int i = 0; i < n; i++)
        {
            var rows = d.Rows(i);
            if (rows.Length == 0) continue;
            if (rows.Length <= k) throw new ArgumentException($"Unit '{d.Entities[i]}' has {rows.Length} periods for {k} coefficients.", "panel");
            var xi = Matrix<double>.Build.Dense(rows.Length, k, (r, p) => p == 0 ? 1 : d.X[p - 1][rows[r] + i * t]);
            var yi = Vector<double>.Build.Dense(rows.Length, r => d.Y[rows[r] + i * t]);
            var qr = xi.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            var b = qr.Solve(yi);
            var e = yi - xi * b;
            for (int r = 0; r < rows.Length; r++) residuals[rows[r] + i * t] = e[r];
            coefs.Add(b);
            slopes[i] = b;
            if (rows.Length == t) bases[i] = qr.Q.ToColumnMajorArray();
        }
        int nu = coefs.Count;
        var mg = coefs.Aggregate((a, b) => a + b) / nu;
        var cov = Matrix<double>.Build.Dense(k, k);
        foreach (var b in coefs) { var dv = b - mg; cov += dv.OuterProduct(dv); }
        cov /= nu * (nu - 1.0);
        var partial = d.Partial((i, p) => slopes[i]![p + 1]);
        var names = new[] { "(Intercept)" }.Concat(d.Formula.Regressors).ToArray();
        return PanelRegressionResult.Create(options, d, names, mg.ToArray(), cov, null, residuals, partial,
            withinResiduals: false, commonEffects: false, [], unitBases: d.Balanced ? bases : null);
    }
}
