using MathNet.Numerics.LinearAlgebra;
using Econometrics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// Set p-values for ICP from per-environment Gram matrices. Every set's pooled fit, the per-environment residual
/// means and variances (normal test) and the leave-one-environment-out prediction statistics (exact test) are
/// functions of the cross-products of [1, X, y] within each environment, so after one BLAS-3 pass over the data
/// (K Gram matrices) a set costs O(K q^3) with q = |S| + 1, independent of n. The exact test's
/// <c>diff' (I + X_k (X_-k'X_-k)^-1 X_k')^-1 diff</c> is reduced by the Woodbury identity to
/// <c>diff'diff - u' (X'X)^-1 u</c> with <c>u = X_k' diff</c>.
/// </summary>
/// <remarks>Columns are centred at their pooled means first: the fits are unchanged (the intercept absorbs the shift),
/// and the Gram matrices are far better conditioned.</remarks>
internal sealed class IcpEngine : IIcpSetTest
{
    private readonly double[][] _gk;
    private readonly double[] _g;
    private readonly int[] _nk;
    private readonly int _n, _p, _k, _m;

    /// <summary>Builds the Gram matrices of [1, x, y] for the row groups of <paramref name="grouping"/> (one SYRK each).</summary>
    public IcpEngine(Matrix<double> x, double[] y, Environments grouping, ILinearAlgebra la)
    {
        _n = y.Length; _p = x.ColumnCount; _k = grouping.K; _m = _p + 2;
        // z = [1, x - mean(x), y - mean(y)], column-major n x m.
        var z = new double[_n * _m];
        Array.Fill(z, 1.0, 0, _n);
        for (int j = 0; j < _p; j++)
        {
            var col = x.Column(j);
            double mean = col.Average();
            for (int i = 0; i < _n; i++) z[(j + 1) * _n + i] = col[i] - mean;
        }
        double ym = y.Average();
        for (int i = 0; i < _n; i++) z[(_p + 1) * _n + i] = y[i] - ym;
        _gk = new double[_k][];
        _nk = new int[_k];
        _g = new double[_m * _m];
        for (int k = 0; k < _k; k++)
        {
            int nk = _nk[k] = grouping.Count(k), start = grouping.Start(k);
            var zk = new double[nk * _m];
            for (int j = 0; j < _m; j++) Array.Copy(z, j * _n + start, zk, j * nk, nk);
            // Z_k' Z_k is symmetric, so its column-major result is also the row-major matrix the subset solves read.
            _gk[k] = new double[_m * _m];
            la.Syrk(true, _m, nk, 1.0, zk, 0.0, _gk[k]);
            for (int i = 0; i < _g.Length; i++) _g[i] += _gk[k][i];
        }
    }

    public int P => _p;

    /// <summary>The p-value of H0: the set <paramref name="cols"/> (0-based predictor indices) is invariant.</summary>
    public double PValue(int[] cols, IcpTest test) => test == IcpTest.Normal ? NormalPValue(cols) : ExactPValue(cols);

    /// <summary>Pooled OLS slopes and classical standard errors for the set (R's glm coefficients and SEs).</summary>
    public (double[] Coefficients, double[] StdErrors) Coefficients(int[] cols)
    {
        int q = cols.Length + 1;
        var idx = Index(cols);
        var a = Block(_g, idx, idx);
        var beta = Column(_g, idx, _m - 1);
        if (!SmallDense.Cholesky(a, q)) throw new InvalidOperationException("The pooled design is singular.");
        SmallDense.Solve(a, q, beta);
        double rss = _g[(_m - 1) * _m + _m - 1] - Dot(Column(_g, idx, _m - 1), beta);
        double s2 = rss / (_n - q);
        var diag = new double[q];
        SmallDense.InverseDiagonal(a, q, diag);
        return (beta[1..], diag[1..].Select(d => Math.Sqrt(s2 * d)).ToArray());
    }

    private int[] Index(int[] cols)
    {
        var idx = new int[cols.Length + 1];
        for (int i = 0; i < cols.Length; i++) idx[i + 1] = cols[i] + 1;
        return idx;
    }

    private double[] Block(double[] g, int[] rows, int[] cols)
    {
        var b = new double[rows.Length * cols.Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < cols.Length; j++) b[i * cols.Length + j] = g[rows[i] * _m + cols[j]];
        return b;
    }

    private double[] Column(double[] g, int[] rows, int col)
    {
        var b = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++) b[i] = g[rows[i] * _m + col];
        return b;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    // beta' G[idx, idx] beta
    private double Quadratic(double[] g, int[] idx, double[] beta)
    {
        double s = 0;
        for (int i = 0; i < idx.Length; i++)
        {
            double row = 0;
            for (int j = 0; j < idx.Length; j++) row += g[idx[i] * _m + idx[j]] * beta[j];
            s += beta[i] * row;
        }
        return s;
    }

    private double NormalPValue(int[] cols)
    {
        int q = cols.Length + 1, yi = _m - 1;
        var idx = Index(cols);
        var a = Block(_g, idx, idx);
        var beta = Column(_g, idx, yi);
        if (!SmallDense.Cholesky(a, q)) return double.NaN;
        SmallDense.Solve(a, q, beta);
        // Pooled residual sum and sum of squares (the sum is 0 up to rounding because of the intercept).
        double sTot = _g[yi] - Dot(Row0(_g, idx), beta);
        double ssTot = _g[yi * _m + yi] - 2 * Dot(Column(_g, idx, yi), beta) + Quadratic(_g, idx, beta);
        double best = double.PositiveInfinity;
        for (int k = 0; k < _k; k++)
        {
            var gk = _gk[k];
            int n1 = _nk[k], n2 = _n - n1;
            double s1 = gk[yi] - Dot(Row0(gk, idx), beta);
            double ss1 = gk[yi * _m + yi] - 2 * Dot(Column(gk, idx, yi), beta) + Quadratic(gk, idx, beta);
            double s2 = sTot - s1, ss2 = ssTot - ss1;
            double m1 = s1 / n1, m2 = s2 / n2;
            double v1 = Math.Max(0, (ss1 - n1 * m1 * m1) / (n1 - 1)), v2 = Math.Max(0, (ss2 - n2 * m2 * m2) / (n2 - 1));
            double pt = ResidualTests.WelchPValue(m1, v1, n1, m2, v2, n2);
            double pf = ResidualTests.VarianceRatioPValue(v1, n1, v2, n2);
            best = Math.Min(best, 2 * Math.Min(pt, pf));
        }
        return Math.Min(1.0, best * (_k - 1));
    }

    private double[] Row0(double[] g, int[] idx)
    {
        var r = new double[idx.Length];
        for (int i = 0; i < idx.Length; i++) r[i] = g[idx[i]];
        return r;
    }

    private double ExactPValue(int[] cols)
    {
        int q = cols.Length + 1, yi = _m - 1;
        var idx = Index(cols);
        var aFull = Block(_g, idx, idx);
        if (!SmallDense.Cholesky(aFull, q)) return double.NaN;
        var bFull = Column(_g, idx, yi);
        double best = double.PositiveInfinity;
        for (int k = 0; k < _k; k++)
        {
            var gk = _gk[k];
            int nk = _nk[k], no = _n - nk;
            if (no <= q) return double.NaN;
            var ak = Block(gk, idx, idx);
            var bk = Column(gk, idx, yi);
            var aOut = new double[q * q];
            for (int i = 0; i < aOut.Length; i++) aOut[i] = _g[idx[i / q] * _m + idx[i % q]] - ak[i];
            var beta = new double[q];
            for (int i = 0; i < q; i++) beta[i] = bFull[i] - bk[i];
            var bOut = (double[])beta.Clone();
            if (!SmallDense.Cholesky(aOut, q)) return double.NaN;
            SmallDense.Solve(aOut, q, beta);
            double rssOut = (_g[yi * _m + yi] - gk[yi * _m + yi]) - Dot(bOut, beta);
            // diff = y_k - X_k beta_-k; diff'diff and u = X_k' diff from the environment's Gram matrix.
            double dd = gk[yi * _m + yi] - 2 * Dot(bk, beta) + Quadratic(gk, idx, beta);
            var u = new double[q];
            for (int i = 0; i < q; i++)
            {
                double s = bk[i];
                for (int j = 0; j < q; j++) s -= ak[i * q + j] * beta[j];
                u[i] = s;
            }
            var w = (double[])u.Clone();
            SmallDense.Solve(aFull, q, w);
            double quad = dd - Dot(u, w);
            double varOut = rssOut / (no - 1);
            double stat = quad / (nk * varOut * no / (no - q));
            double p = ReferenceDistribution.F(nk, _n - nk - q).Survival(stat);
            best = Math.Min(best, p);
        }
        return Math.Min(1.0, best * _k);
    }
}
