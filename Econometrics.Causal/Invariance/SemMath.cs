using Econometrics.LinearAlgebra;
namespace Econometrics.Causal.Invariance;

/// <summary>
/// Exact SEM moments and subset regressors on plain arrays, for the PAC experiment's hundreds of thousands of tiny
/// problems (Math.NET's per-call overhead would dominate at 5 x 5).
/// </summary>
internal static class SemMath
{
    /// <summary>mu = (I - B)^-1 c and Sigma = (I - B)^-1 diag(sd^2) (I - B)^-T, row-major n x n.</summary>
    public static (double[] Mean, double[] Covariance) Moments(double[] b, double[] c, double[] sd, int n)
    {
        // Gauss-Jordan inverse of I - B (unit diagonal, acyclic: well conditioned for the weights used here).
        var m = new double[n * n];
        var inv = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            inv[i * n + i] = 1;
            for (int j = 0; j < n; j++) m[i * n + j] = (i == j ? 1 : 0) - b[i * n + j];
        }
        for (int col = 0; col < n; col++)
        {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r * n + col]) > Math.Abs(m[piv * n + col])) piv = r;
            if (piv != col)
                for (int j = 0; j < n; j++)
                {
                    (m[col * n + j], m[piv * n + j]) = (m[piv * n + j], m[col * n + j]);
                    (inv[col * n + j], inv[piv * n + j]) = (inv[piv * n + j], inv[col * n + j]);
                }
            double d = m[col * n + col];
            for (int j = 0; j < n; j++) { m[col * n + j] /= d; inv[col * n + j] /= d; }
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = m[r * n + col];
                if (f == 0) continue;
                for (int j = 0; j < n; j++) { m[r * n + j] -= f * m[col * n + j]; inv[r * n + j] -= f * inv[col * n + j]; }
            }
        }
        var mu = new double[n];
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            double acc = 0;
            for (int j = 0; j < n; j++) acc += inv[i * n + j] * c[j];
            mu[i] = acc;
        }
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                double acc = 0;
                for (int k = 0; k < n; k++) acc += inv[i * n + k] * sd[k] * sd[k] * inv[j * n + k];
                s[i * n + j] = s[j * n + i] = acc;
            }
        return (mu, s);
    }

    /// <summary>(b, w) of the optimal affine regressor of node <paramref name="target"/> on the nodes <paramref name="nodes"/>, and the residual variance.</summary>
    public static double[] SubsetRegressor(double[] mu, double[] s, int n, int target, int[] nodes, out double residualVariance)
    {
        int q = nodes.Length;
        var coef = new double[q + 1];
        if (q == 0) { coef[0] = mu[target]; residualVariance = s[target * n + target]; return coef; }
        var a = new double[q * q];
        var w = new double[q];
        for (int i = 0; i < q; i++)
        {
            w[i] = s[nodes[i] * n + target];
            for (int j = 0; j < q; j++) a[i * q + j] = s[nodes[i] * n + nodes[j]];
        }
        var sxy = (double[])w.Clone();
        if (!SmallDense.Cholesky(a, q)) throw new InvalidOperationException("The predictors' covariance is singular.");
        SmallDense.Solve(a, q, w);
        double b = mu[target], explained = 0;
        for (int i = 0; i < q; i++) { b -= w[i] * mu[nodes[i]]; explained += w[i] * sxy[i]; coef[i + 1] = w[i]; }
        coef[0] = b;
        residualVariance = s[target * n + target] - explained;
        return coef;
    }
}
