using Econometrics.LinearAlgebra;

namespace Econometrics.Panel;

/// <summary>Small dense helpers shared by the CD statistics, the factor estimators and the regressions.</summary>
internal static class PanelMath
{
    /// <summary>Columns demeaned and scaled to unit Euclidean norm, so that Z'Z is the correlation matrix; zero columns stay zero.</summary>
    public static double[] StandardizedColumns(double[] e, int t, int n, out double[] norms)
    {
        var z = new double[t * n];
        norms = new double[n];
        Standardize(e, z, t, n, norms);
        return z;
    }

    /// <summary>
    /// The columns of <paramref name="e"/> demeaned and scaled to unit norm into <paramref name="z"/>, which may be
    /// <paramref name="e"/> itself (the same arithmetic either way); the norms go to <paramref name="norms"/> when given.
    /// </summary>
    public static void Standardize(double[] e, double[] z, int t, int n, double[]? norms = null)
    {
        for (int i = 0; i < n; i++)
        {
            var x = e.AsSpan(i * t, t);
            var y = z.AsSpan(i * t, t);
            double mean = 0;
            foreach (var v in x) mean += v;
            mean /= t;
            double ss = 0;
            for (int s = 0; s < y.Length; s++) { double d = x[s] - mean; y[s] = d; ss += d * d; }
            double norm = Math.Sqrt(ss);
            if (norms is not null) norms[i] = norm;
            if (norm > 0) foreach (ref var v in y) v /= norm;
        }
    }

    /// <summary>
    /// ||Z 1||^2, the squared norm of the row sums of a T x N column-major matrix (for standardized Z it is
    /// N + 2 sum_{i&lt;j} rho_ij). Each row sum adds the units in order, column by column as they lie in memory.
    /// </summary>
    public static double SquaredRowSumNorm(double[] z, int t, int n)
    {
        var row = new double[t];
        for (int i = 0; i < n; i++)
        {
            var col = z.AsSpan(i * t, t);
            for (int s = 0; s < row.Length; s++) row[s] += col[s];
        }
        double total = 0;
        foreach (var r in row) total += r * r;
        return total;
    }

    /// <summary>Columns demeaned in place (balanced data).</summary>
    public static void DemeanColumns(double[] a, int t, int n)
    {
        for (int i = 0; i < n; i++)
        {
            int o = i * t;
            double mean = 0;
            for (int s = 0; s < t; s++) mean += a[o + s];
            mean /= t;
            for (int s = 0; s < t; s++) a[o + s] -= mean;
        }
    }

    /// <summary>
    /// Eigenvalues (descending) of A'A and the leading <paramref name="m"/> right singular vectors of A (N x m),
    /// from whichever Gram matrix (T x T or N x N) is smaller.
    /// </summary>
    public static (double[] Eigenvalues, double[] V) LeadingRightVectors(double[] a, int t, int n, int m, ILinearAlgebra la)
    {
        if (n <= t)
        {
            var g = new double[n * n];
            la.Syrk(true, n, t, 1.0, a, 0.0, g);
            var w = new double[n];
            la.SymmetricEigen(n, g, w);
            var v = new double[n * m];
            for (int k = 0; k < m; k++) Array.Copy(g, (n - 1 - k) * n, v, k * n, n);
            return (Descending(w), v);
        }
        else
        {
            var g = new double[t * t];
            la.Syrk(false, t, n, 1.0, a, 0.0, g);
            var w = new double[t];
            la.SymmetricEigen(t, g, w);
            var u = new double[t * m];
            for (int k = 0; k < m; k++) Array.Copy(g, (t - 1 - k) * t, u, k * t, t);
            // V = A'U diag(1/s): the right singular vectors belonging to the left ones.
            var v = new double[n * m];
            if (m > 0) la.Gemm(true, false, n, m, t, 1.0, a, u, 0.0, v);
            for (int k = 0; k < m; k++)
            {
                double s = Math.Sqrt(Math.Max(w[t - 1 - k], 0));
                for (int i = 0; i < n; i++) v[i + k * n] = s > 0 ? v[i + k * n] / s : 0;
            }
            return (Descending(w), v);
        }
    }

    private static double[] Descending(double[] ascending)
    {
        var d = new double[ascending.Length];
        for (int k = 0; k < d.Length; k++) d[k] = Math.Max(ascending[^(k + 1)], 0);
        return d;
    }

    /// <summary>A minus its projection on the columns of orthonormal V (N x m): A (I - V V').</summary>
    public static double[] RemoveRightSubspace(double[] a, int t, int n, double[] v, int m, ILinearAlgebra la)
    {
        var e = (double[])a.Clone();
        SubtractRightSubspace(e, t, n, v, m, la);
        return e;
    }

    /// <summary>A minus its projection on the columns of orthonormal V (N x m), in place: A &lt;- A (I - V V').</summary>
    public static void SubtractRightSubspace(double[] a, int t, int n, double[] v, int m, ILinearAlgebra la)
    {
        if (m == 0) return;
        var av = new double[t * m];
        la.Gemm(false, false, t, m, n, 1.0, a, v, 0.0, av);
        la.Gemm(false, true, t, n, m, -1.0, av, v, 1.0, a);
    }

    /// <summary>
    /// Balanced CD of a matrix whose columns are used as they are demeaned: sqrt(2T/(N(N-1))) sum_{i&lt;j} rho_ij in O(NT).
    /// The columns are standardized in place, so the caller must not read <paramref name="e"/> afterwards.
    /// </summary>
    public static double BalancedCd(double[] e, int t, int n)
    {
        Standardize(e, e, t, n);
        double sumRho = (SquaredRowSumNorm(e, t, n) - n) / 2;
        return Math.Sqrt(2.0 * t / (n * (n - 1.0))) * sumRho;
    }
}
