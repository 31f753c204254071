using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>The log-ratio precision Omega = Gamma^+ = F_r' Sigma_r^-1 F_r and the partial correlations it gives.</summary>
internal static class LogRatioPrecision
{
    /// <summary>Omega = (Gamma + J)^-1 - J; null when Gamma + J is not positive definite (rank Gamma &lt; D - 1).</summary>
    public static Matrix<double>? FromClrCovariance(Matrix<double> gamma, ILinearAlgebra la)
    {
        int d = gamma.RowCount;
        double j = 1.0 / d;
        var a = gamma.Map(v => v + j).AsColumnMajorArray();
        var arr = d <= VerifyUpTo ? (double[])a.Clone() : a;   // keep Gamma + J for the check
        if (!la.TryInvertSpd(d, arr) || !IsInverse(a, arr, d, la)) return null;
        for (int k = 0; k < arr.Length; k++) arr[k] -= j;
        return Matrix<double>.Build.Dense(d, d, arr);
    }

    /// <summary>
    /// Omega = Gamma^+ of the double-centred shrunk covariance without a D x D inverse, for n &lt; D samples. With
    /// C = Dg (lambda I + c Z'Z) Dg (c = (1 - lambda)/(n - 1), Dg the shrunk standard deviations) positive definite,
    /// (G C G)^+ = C^-1 - C^-1 1 1' C^-1 / (1' C^-1 1), and Woodbury gives
    /// C^-1 = (Dg^-2 - W' K^-1 W) / lambda with W = Z Dg^-1 and the n x n matrix K = (lambda / c) I + Z Z'. With
    /// K = L L' (Cholesky), Y = L^-1 W / sqrt(lambda), u = C^-1 1 and s = 1'u, Omega = Dg^-2 / lambda - Y'Y - u u' / s:
    /// an n x n Cholesky factor, one triangular solve with D right-hand sides, one SYRK and one pass for the rank-one term,
    /// O(n D^2) instead of O(D^3).
    /// Null when lambda is too small for the identity to be well conditioned (the caller inverts directly).
    /// </summary>
    public static Matrix<double>? FromShrunkLowRank(ShrinkageFactors shrunk, ILinearAlgebra la)
    {
        if (!(shrunk.Lambda >= 1e-4)) return null;
        var z = shrunk.Standardized;
        int n = shrunk.Rows, d = shrunk.Columns;
        double lambda = shrunk.Lambda, c = (1 - lambda) / (n - 1);
        var sd = shrunk.ShrunkVariances.Select(Math.Sqrt).ToArray();
        if (sd.Any(v => !(v > 0))) return null;
        // W = Z Dg^-1 / sqrt(lambda) (n x D) and K = (lambda / c) I + Z Z' = L L' (Z Z' is the factorisation's Gram when n < D).
        var w = GC.AllocateUninitializedArray<double>(n * d);   // every element is written below
        double rootLambda = Math.Sqrt(lambda);
        for (int j = 0; j < d; j++)
        {
            double inv = 1.0 / (sd[j] * rootLambda);
            for (int i = 0; i < n; i++) w[j * n + i] = z[j * n + i] * inv;
        }
        // Y_n = L^-1 W in place, so that Y_n'Y_n = W' K^-1 W / lambda; with lambda = 1 (c = 0) the product vanishes.
        var omega = GC.AllocateUninitializedArray<double>(d * d);   // the SYRK (beta = 0) or the pass below writes every element
        if (c > 0)
        {
            var k = new double[n * n];
            if (!shrunk.GramIsColumns) Array.Copy(shrunk.Gram, k, k.Length);
            else la.Syrk(false, n, d, 1.0, z, 0.0, k);
            double ridge = lambda / c;
            for (int i = 0; i < n; i++) k[i * n + i] += ridge;
            if (!la.TryCholesky(n, k)) return null;
            la.SolveLowerTriangular(n, d, k, w);
            la.Syrk(true, d, n, -1.0, w, 0.0, omega);
        }
        else Array.Clear(omega);
        // u = C^-1 1 = (Dg^-2 1 - W' K^-1 W 1) / lambda = Dg^-2 1 / lambda - Y_n' (Y_n 1), two thin products.
        var u = new double[d];
        if (c > 0)
        {
            var y1 = new double[n];
            la.Gemm(false, false, n, 1, d, 1.0, w, Enumerable.Repeat(1.0, d).ToArray(), 0.0, y1);
            la.Gemm(true, false, d, 1, n, -1.0, w, y1, 0.0, u);
        }
        var ridgeDiagonal = new double[d];
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            ridgeDiagonal[j] = 1.0 / (sd[j] * sd[j] * lambda);
            u[j] += ridgeDiagonal[j];
            total += u[j];
        }
        if (!(total > 0)) return null;
        // Omega = Dg^-2 / lambda - Y_n'Y_n - v v' (v = u / sqrt(s)): the rank-one term and the diagonal in one pass over
        // the columns; v_i v_j is the same product both ways round, so Omega stays exactly symmetric.
        double root = Math.Sqrt(total);
        for (int j = 0; j < d; j++) u[j] /= root;
        ColumnsInParallel(d, d, j =>
        {
            double uj = u[j];
            for (int i = 0, o = j * d; i < d; i++) omega[o + i] -= u[i] * uj;
            omega[j * d + j] += ridgeDiagonal[j];
        });
        return Matrix<double>.Build.Dense(d, d, omega);
    }

    /// <summary>Largest order for which an inverse is verified by one extra GEMM (its cost, O(D^3), matches the inversion's).</summary>
    internal const int VerifyUpTo = 1000;

    /// <summary>
    /// Whether <paramref name="inverse"/> really inverts <paramref name="a"/>: Cholesky succeeds on numerically singular
    /// matrices whose rounding leaves tiny positive pivots, and the "inverse" is then garbage.
    /// </summary>
    private static bool IsInverse(double[] a, double[] inverse, int d, ILinearAlgebra la)
    {
        if (d > VerifyUpTo) return true;
        var prod = new double[d * d];
        la.Gemm(false, false, d, d, d, 1.0, a, inverse, 0.0, prod);
        for (int k = 0; k < d; k++) prod[k * d + k] -= 1.0;
        return prod.All(v => Math.Abs(v) < 1e-6);
    }

    /// <summary>Omega = F_r' Sigma^-1 F_r from an alr covariance with reference r; null when Sigma is not positive definite.</summary>
    public static Matrix<double>? FromAlrCovariance(Matrix<double> sigma, int r, ILinearAlgebra la)
    {
        int m = sigma.RowCount, d = m + 1;
        var k = Matrix<double>.Build.DenseOfMatrix(sigma);
        if (!la.TryInvertSpd(m, k.AsColumnMajorArray()) || !IsInverse(sigma.AsColumnMajorArray() ?? sigma.ToColumnMajorArray(), k.AsColumnMajorArray(), m,
            la)) return null;
        var omega = Matrix<double>.Build.Dense(d, d);
        var rowSum = new double[m];
        double total = 0;
        for (int b = 0; b < m; b++)
            for (int a = 0; a < m; a++) { rowSum[a] += k[a, b]; total += k[a, b]; }
        int Full(int c) => c < r ? c : c + 1;
        for (int b = 0; b < m; b++)
        {
            for (int a = 0; a < m; a++) omega[Full(a), Full(b)] = k[a, b];
            omega[Full(b), r] = omega[r, Full(b)] = -rowSum[b];
        }
        omega[r, r] = total;
        return omega;
    }

    /// <summary>Sigma_r = F_r C F_r' for a covariance C of log-parts: <c>C_kl - C_kr - C_rl + C_rr</c>, k, l != r.</summary>
    public static Matrix<double> AlrFromLogCovariance(Matrix<double> c, int r)
    {
        int m = c.RowCount - 1;
        int Full(int a) => a < r ? a : a + 1;
        return Matrix<double>.Build.Dense(m, m, (a, b) => c[Full(a), Full(b)] - c[Full(a), r] - c[r, Full(b)] + c[r, r]);
    }

    /// <summary>G C G with G = I - 11'/D: subtract row and column means, add back the grand mean.</summary>
    public static Matrix<double> DoubleCentre(Matrix<double> c)
    {
        int d = c.RowCount;
        var a = c.AsColumnMajorArray();
        var colMean = new double[d];
        double grand = 0;
        for (int j = 0; j < d; j++)
        {
            double s = 0;
            for (int i = 0; i < d; i++) s += a[j * d + i];
            colMean[j] = s / d; grand += s;
        }
        grand /= (double)d * d;
        // C is symmetric, so row means equal column means.
        var g = new double[d * d];
        for (int j = 0; j < d; j++)
            for (int i = 0; i < d; i++) g[j * d + i] = a[j * d + i] - colMean[i] - colMean[j] + grand;
        return Matrix<double>.Build.Dense(d, d, g);
    }

    /// <summary>Partial correlations <c>-Omega_ij / sqrt(Omega_ii Omega_jj)</c> with a unit diagonal.</summary>
    public static Matrix<double> PartialCorrelation(Matrix<double> omega)
    {
        int d = omega.RowCount;
        var w = omega.AsColumnMajorArray() ?? omega.ToColumnMajorArray();
        var s = new double[d];
        for (int i = 0; i < d; i++) s[i] = 1.0 / Math.Sqrt(w[i * d + i]);
        var p = GC.AllocateUninitializedArray<double>(d * d);   // every element is written below
        ColumnsInParallel(d, d, j =>
        {
            double sj = s[j];
            int o = j * d;
            for (int i = 0; i < d; i++) p[o + i] = Math.Clamp(-w[o + i] * s[i] * sj, -1.0, 1.0);
            p[o + j] = 1.0;
        });
        return Matrix<double>.Build.Dense(d, d, p);
    }

    /// <summary>
    /// Runs an element-wise pass over the columns of a rows x columns matrix, in parallel when the matrix is large
    /// enough to repay the threads (65,536 elements, a 256 x 256 matrix); each column is written by one call, so the
    /// result does not depend on the thread count.
    /// </summary>
    internal static void ColumnsInParallel(int columns, int rows, Action<int> column)
    {
        if ((long)columns * rows < 65_536) { for (int j = 0; j < columns; j++) column(j); return; }
        Parallel.For(0, columns, column);
    }
}
