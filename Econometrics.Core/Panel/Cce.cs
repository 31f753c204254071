using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel;

/// <summary>
/// Pesaran's (2006) common correlated effects estimators, as plm::pcce: each unit's data are projected off
/// H = [ybar_t, xbar_t, 1] (cross-section averages over the units observed at t) on its own periods.
/// </summary>
internal static class Cce
{
    private static Vector<double> StackedLeastSquares((int[] Rows, Matrix<double> Q)[] mats, int[] units, RegressionData d)
    {
        int k = d.K, total = mats.Sum(m => m.Rows.Length), offset = 0;
        var mx = Matrix<double>.Build.Dense(total, k);
        var my = Vector<double>.Build.Dense(total);
        for (int u = 0; u < units.Length; u++)
        {
            int i = units[u];
            var (rows, q) = mats[u];
            var xi = Matrix<double>.Build.Dense(rows.Length, k, (r, p) => d.X[p][rows[r] + i * d.T]);
            var yi = Vector<double>.Build.Dense(rows.Length, r => d.Y[rows[r] + i * d.T]);
            mx.SetSubMatrix(offset, 0, xi - q * q.TransposeThisAndMultiply(xi));
            my.SetSubVector(offset, rows.Length, yi - q * q.TransposeThisAndMultiply(yi));
            offset += rows.Length;
        }
        return mx.QR().Solve(my);
    }

    public static PanelRegressionResult Fit(PanelRegression options, RegressionData d)
    {
        int k = d.K, t = d.T, n = d.N;
        int h = k + 2;
        // Cross-section averages of the used cells, period by period.
        var hbar = Matrix<double>.Build.Dense(t, h);
        for (int s = 0; s < t; s++)
        {
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                int c = s + i * t;
                if (!d.Used[c]) continue;
                count++;
                hbar[s, 0] += d.Y[c];
                for (int p = 0; p < k; p++) hbar[s, 1 + p] += d.X[p][c];
            }
            for (int j = 0; j <= k; j++) hbar[s, j] = count > 0 ? hbar[s, j] / count : 0;
            hbar[s, h - 1] = 1;
        }
        var units = Enumerable.Range(0, n).Where(i => d.Rows(i).Length > 0).ToArray();
        int nu = units.Length;
        var xmx = new Matrix<double>[nu];
        var xmy = new Vector<double>[nu];
        var bi = new Vector<double>[nu];
        var mats = new (int[] Rows, Matrix<double> Q)[nu];
        int minT = int.MaxValue;
        for (int u = 0; u < nu; u++)
        {
            int i = units[u];
            var rows = d.Rows(i);
            minT = Math.Min(minT, rows.Length);
            if (rows.Length <= h + k - 1) throw new ArgumentException($"Unit '{d.Entities[i]}' has {rows.Length} periods; CCE needs more than {h + k - 1}.", "panel");
            var hi = Matrix<double>.Build.Dense(rows.Length, h, (r, j) => hbar[rows[r], j]);
            var q = hi.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
            var xi = Matrix<double>.Build.Dense(rows.Length, k, (r, p) => d.X[p][rows[r] + i * t]);
            var yi = Vector<double>.Build.Dense(rows.Length, r => d.Y[rows[r] + i * t]);
            var mxi = xi - q * q.TransposeThisAndMultiply(xi);
            var myi = yi - q * q.TransposeThisAndMultiply(yi);
            xmx[u] = xi.TransposeThisAndMultiply(mxi);
            xmy[u] = mxi.TransposeThisAndMultiply(yi);
            bi[u] = mxi.QR().Solve(myi);
            mats[u] = (rows, q);
        }
        var bmg = bi.Aggregate((a, b) => a + b) / nu;
        Vector<double> coef;
        Matrix<double> cov;
        if (options.Model == PanelModel.CceMeanGroup)
        {
            coef = bmg;
            cov = Matrix<double>.Build.Dense(k, k);
            foreach (var b in bi) { var dv = b - bmg; cov += dv.OuterProduct(dv); }
            cov /= nu * (nu - 1.0);
        }
        else
        {
            var sxmx = xmx.Aggregate((a, b) => a + b);
            // Least squares on the stacked projected data (QR), not the normal equations: H is ill-conditioned.
            coef = StackedLeastSquares(mats, units, d);
            var rstar = Matrix<double>.Build.Dense(k, k);
            for (int u = 0; u < nu; u++) { var dv = bi[u] - bmg; rstar += xmx[u] * dv.OuterProduct(dv) * xmx[u]; }
            rstar = rstar / (nu - 1.0) / ((double)minT * minT);
            var psiInv = (sxmx / d.NObs).Inverse();
            cov = psiInv * rstar * psiInv / nu;
        }
        var residuals = new double[t * n];
        Array.Fill(residuals, double.NaN);
        var unitIndex = new int[n];
        Array.Fill(unitIndex, -1);
        for (int u = 0; u < nu; u++) unitIndex[units[u]] = u;
        Func<int, int, double> slope = options.Model == PanelModel.CceMeanGroup ? (i, p) => bi[unitIndex[i]][p] : (_, p) => coef[p];
        var partial = d.Partial(slope);
        for (int u = 0; u < nu; u++)
        {
            int i = units[u];
            var (rows, q) = mats[u];
            var v = Vector<double>.Build.Dense(rows.Length, r => partial[rows[r] + i * t]);
            var e = v - q * q.TransposeThisAndMultiply(v);
            for (int r = 0; r < rows.Length; r++) residuals[rows[r] + i * t] = e[r];
        }
        return PanelRegressionResult.Create(options, d, d.Formula.Regressors.ToArray(), coef.ToArray(), cov, null, residuals, partial,
            withinResiduals: false, commonEffects: true, []);
    }
}
