using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>
/// Pesaran's (2006) common correlated effects estimators, as plm::pcce: each unit's data are projected off
/// H = [ybar_t, xbar_t, 1] (cross-section averages over the units observed at t) on its own periods.
/// </summary>
internal static class Cce
{
    /// <summary>One unit's periods, the orthonormal basis of its H rows, and its projected regressors and response.</summary>
    private sealed record UnitBlock(int Unit, int[] Rows, double[] Q, int QCols, double[] MX, double[] MY);

    public static PanelRegressionResult Fit(PanelRegression options, RegressionData d, ILinearAlgebra la)
    {
        int k = d.K, t = d.T, n = d.N;
        int h = k + 2;
        // Cross-section averages of the used cells, period by period (T x h, column-major).
        var hbar = new double[t * h];
        for (int s = 0; s < t; s++)
        {
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                int c = s + i * t;
                if (!d.Used[c]) continue;
                count++;
                hbar[s] += d.Y[c];
                for (int p = 0; p < k; p++) hbar[s + (1 + p) * t] += d.X[p][c];
            }
            for (int j = 0; j <= k; j++) hbar[s + j * t] = count > 0 ? hbar[s + j * t] / count : 0;
            hbar[s + (h - 1) * t] = 1;
        }
        var units = Enumerable.Range(0, n).Where(i => d.Rows(i).Length > 0).ToArray();
        int nu = units.Length;
        var blocks = new UnitBlock[nu];
        var xmx = new Matrix<double>[nu];
        var bi = new Vector<double>[nu];
        int minT = int.MaxValue;
        for (int u = 0; u < nu; u++)
        {
            int i = units[u];
            var rows = d.Rows(i);
            int m = rows.Length;
            minT = Math.Min(minT, m);
            if (m <= h + k - 1) throw new ArgumentException($"Unit '{d.Entities[i]}' has {m} periods; CCE needs more than {h + k - 1}.", "panel");
            var hi = new double[m * h];
            var xi = new double[m * k];
            var yi = new double[m];
            for (int r = 0; r < m; r++)
            {
                for (int j = 0; j < h; j++) hi[r + j * m] = hbar[rows[r] + j * t];
                for (int p = 0; p < k; p++) xi[r + p * m] = d.X[p][rows[r] + i * t];
                yi[r] = d.Y[rows[r] + i * t];
            }
            var q = Ols.OrthonormalBasis(hi, m, h, la, out int qc);
            var mxi = Ols.ProjectOff(q, m, qc, xi, k, la);
            var myi = Ols.ProjectOff(q, m, qc, yi, 1, la);
            var g = new double[k * k];
            la.Gemm(true, false, k, k, m, 1.0, xi, mxi, 0.0, g);
            xmx[u] = Matrix<double>.Build.Dense(k, k, g);
            bi[u] = Vector<double>.Build.Dense(SolveUnit(mxi, m, k, myi, d, i, options.Model, la));
            blocks[u] = new UnitBlock(i, rows, q, qc, mxi, myi);
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
            coef = Vector<double>.Build.Dense(StackedLeastSquares(blocks, k, la));
            var rstar = Matrix<double>.Build.Dense(k, k);
            for (int u = 0; u < nu; u++) { var dv = bi[u] - bmg; rstar += xmx[u] * dv.OuterProduct(dv) * xmx[u]; }
            rstar = rstar / (nu - 1.0) / ((double)minT * minT);
            var psiInv = Matrix<double>.Build.Dense(k, k, Ols.InverseSpd((sxmx / d.NObs).ToColumnMajorArray(), k, la));
            cov = psiInv * rstar * psiInv / nu;
        }
        var residuals = new double[t * n];
        Array.Fill(residuals, double.NaN);
        var unitIndex = new int[n];
        Array.Fill(unitIndex, -1);
        for (int u = 0; u < nu; u++) unitIndex[units[u]] = u;
        Func<int, int, double> slope = options.Model == PanelModel.CceMeanGroup ? (i, p) => bi[unitIndex[i]][p] : (_, p) => coef[p];
        var partial = d.Partial(slope);
        foreach (var blk in blocks)
        {
            int m = blk.Rows.Length;
            var v = new double[m];
            for (int r = 0; r < m; r++) v[r] = partial[blk.Rows[r] + blk.Unit * t];
            var e = Ols.ProjectOff(blk.Q, m, blk.QCols, v, 1, la);
            for (int r = 0; r < m; r++) residuals[blk.Rows[r] + blk.Unit * t] = e[r];
        }
        return PanelRegressionResult.Create(options, d, d.Formula.Regressors.ToArray(), coef.ToArray(), cov, null, residuals, partial,
            withinResiduals: false, commonEffects: true, []);
    }

    // Projecting off the cross-section averages can leave a unit's regressors collinear; name the term and unit.
    private static double[] SolveUnit(double[] mxi, int m, int k, double[] myi, RegressionData d, int i, PanelModel model, ILinearAlgebra la)
    {
        try { return Ols.Solve(mxi, m, k, myi, la); }
        catch (ArgumentException)
        {
            Aliasing.RequireFullRank(mxi, m, k, d.Formula.Regressors.ToArray(), $" in unit '{d.Entities[i]}' once the cross-section averages are projected off",
                PanelRegression.Describe(model), la);
            throw;
        }
    }

    private static double[] StackedLeastSquares(UnitBlock[] blocks, int k, ILinearAlgebra la)
    {
        int total = blocks.Sum(b => b.Rows.Length), offset = 0;
        var mx = new double[total * k];
        var my = new double[total];
        foreach (var blk in blocks)
        {
            int m = blk.Rows.Length;
            for (int p = 0; p < k; p++) Array.Copy(blk.MX, p * m, mx, p * total + offset, m);
            Array.Copy(blk.MY, 0, my, offset, m);
            offset += m;
        }
        return Ols.Solve(mx, total, k, my, la);
    }
}
