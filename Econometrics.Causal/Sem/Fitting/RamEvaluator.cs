using System.Runtime.CompilerServices;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// Numeric model-implied moments of a <see cref="RamModel"/>: Sigma = F B S B^T F^T and mu = F B m with B = (I - A)^-1,
/// and the pieces of their analytic derivatives.
/// </summary>
/// <remarks>
/// The optimizer evaluates the moments a few dozen times per fit on matrices of order m (tens), where Math.NET's
/// general-purpose products and factorizations cost more in checks and temporaries than in arithmetic: the evaluation runs
/// in loops over flat column-major arrays, and only the results are wrapped as matrices (without copies). The loops are
/// compiled fully optimized on first use (AggressiveOptimization): a fit calls them a few dozen times, so under tiered
/// compilation one fit, or the first fits of a bootstrap, would run them as unoptimized tier-0 code.
/// </remarks>
internal sealed class RamEvaluator
{
    // Every cell's target (A, S or m), position and value source (a free index, or its fixed or fixed.x value).
    private readonly byte[] _kind; // 0 = A, 1 = S, 2 = m
    private readonly int[] _row, _col, _free;
    private readonly double[] _fixed;

    /// <param name="model">The model.</param>
    /// <param name="sample">The sample covariance (fixed.x covariances are taken from it).</param>
    /// <param name="sampleMean">The sample means (fixed.x means are taken from it); null for models without a mean structure.</param>
    public RamEvaluator(RamModel model, Matrix<double>? sample, Vector<double>? sampleMean = null)
    {
        Model = model;
        int n = model.Cells.Count;
        _kind = new byte[n]; _row = new int[n]; _col = new int[n]; _free = new int[n]; _fixed = new double[n];
        for (int i = 0; i < n; i++)
        {
            var c = model.Cells[i];
            _kind[i] = (byte)(c.IsA ? 0 : c.IsMean ? 2 : 1);
            _row[i] = c.Row; _col[i] = c.Col; _free[i] = c.Free;
            _fixed[i] = c.IsFree ? double.NaN : c.Kind == RamCellKind.FixedX ? (c.IsMean ? sampleMean![c.Row] : sample![c.Row, c.Col]) : c.Value;
        }
    }

    public RamModel Model { get; }

    public (Matrix<double> A, Matrix<double> S, Vector<double> M) Fill(IReadOnlyList<double> theta)
    {
        int m = Model.Size;
        var a = new double[m * m];
        var s = new double[m * m];
        var mean = new double[m];
        Fill(theta, a, s, mean);
        return (Matrix<double>.Build.Dense(m, m, a), Matrix<double>.Build.Dense(m, m, s), Vector<double>.Build.Dense(mean));
    }

    // A, S (both triangles) and m into zeroed column-major m x m arrays and an m-vector.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(IReadOnlyList<double> theta, double[] a, double[] s, double[] mean)
    {
        int m = Model.Size;
        for (int i = 0; i < _kind.Length; i++)
        {
            double v = _free[i] >= 0 ? theta[_free[i]] : _fixed[i];
            int r = _row[i], c = _col[i];
            switch (_kind[i])
            {
                case 0: a[r + c * m] = v; break;
                case 2: mean[r] = v; break;
                default: s[r + c * m] = s[c + r * m] = v; break;
            }
        }
    }

    /// <summary>The implied moments, or null when I - A is singular.</summary>
    internal sealed record Moments(Matrix<double> Sigma, Vector<double>? Mu, Matrix<double> FB, Matrix<double> FC, Vector<double>? BM)
    {
        /// <summary>B = (I - A)^-1 and T = S B' (m x m, column-major), for second derivatives (C = B T).</summary>
        internal (double[] B, double[] T)? Full { get; init; }
    }

    // B = (I - A)^-1, S and m at theta (column-major); false when I - A is singular.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Solve(IReadOnlyList<double> theta, out double[] b, out double[] s, out double[] mean)
    {
        int m = Model.Size;
        var a = new double[m * m];
        s = new double[m * m];
        mean = new double[m];
        Fill(theta, a, s, mean);
        // LU with partial pivoting: a holds I - A, then its factors.
        for (int i = 0; i < a.Length; i++) a[i] = -a[i];
        for (int i = 0; i < m; i++) a[i + i * m] += 1;
        b = new double[m * m];
        return Invert(a, m, b);
    }

    /// <summary>
    /// diag(B S B'): the model-implied (total) variances of all m variables, latent ones included (NaN when I - A is
    /// singular).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Vector<double> Variances(IReadOnlyList<double> theta)
    {
        int m = Model.Size;
        if (!Solve(theta, out var b, out var s, out _)) return Vector<double>.Build.Dense(m, double.NaN);
        var v = new double[m];
        for (int k = 0; k < m; k++)
            for (int l = 0; l < m; l++)
            {
                double skl = s[k + l * m];
                if (skl == 0) continue;
                for (int i = 0; i < m; i++) v[i] += b[i + k * m] * skl * b[i + l * m];
            }
        return Vector<double>.Build.Dense(v);
    }

    /// <summary>Sigma (observed block) and mu, with F B, F C and B m for the derivatives; null when I - A is singular.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Moments? Implied(IReadOnlyList<double> theta)
    {
        int m = Model.Size, p = Model.Observed;
        if (!Solve(theta, out var b, out var s, out var mean)) return null;
        // C = B S B' (its first p rows: F C), through T = S B'.
        var t = new double[m * m];
        for (int j = 0; j < m; j++)
            for (int k = 0; k < m; k++)
            {
                double bjk = b[j + k * m];
                if (bjk == 0) continue;
                int sk = k * m, tj = j * m;
                for (int i = 0; i < m; i++) t[i + tj] += s[i + sk] * bjk;
            }
        var fb = new double[p * m];
        for (int j = 0; j < m; j++) Array.Copy(b, j * m, fb, j * p, p);
        var fc = new double[p * m];
        SmallDense.MultiplyAdd(b, p, m, t, m, m, fc);   // F C = (F B) T: the first p rows of B, read in place
        var sigma = new double[p * p];
        for (int j = 0; j < p; j++)
            for (int i = 0; i < p; i++) sigma[i + j * p] = (fc[i + j * p] + fc[j + i * p]) * 0.5;
        Vector<double>? bm = null, mu = null;
        if (Model.HasMeans)
        {
            var bmv = new double[m];
            SmallDense.MultiplyAdd(b, m, m, mean, m, 1, bmv);
            bm = Vector<double>.Build.Dense(bmv);
            mu = Vector<double>.Build.Dense(bmv[..p]);
        }
        return new Moments(Matrix<double>.Build.Dense(p, p, sigma), mu, Matrix<double>.Build.Dense(p, m, fb), Matrix<double>.Build.Dense(p, m, fc), bm)
        {
            Full = (b, t),
        };
    }

    // The inverse of the column-major n x n matrix lu (overwritten by its LU factors, partial pivoting); false when the
    // determinant is not finite or |det| <= 1e-12 (I - A numerically singular).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Invert(double[] lu, int n, double[] inv)
    {
        Span<int> perm = n <= 128 ? stackalloc int[n] : new int[n];
        double det = 1;
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int k = 0; k < n; k++)
        {
            int piv = k;
            double max = Math.Abs(lu[k + k * n]);
            for (int i = k + 1; i < n; i++)
                if (Math.Abs(lu[i + k * n]) > max) { max = Math.Abs(lu[i + k * n]); piv = i; }
            if (piv != k)
            {
                for (int j = 0; j < n; j++) (lu[k + j * n], lu[piv + j * n]) = (lu[piv + j * n], lu[k + j * n]);
                (perm[k], perm[piv]) = (perm[piv], perm[k]);
                det = -det;
            }
            double d = lu[k + k * n];
            det *= d;
            if (d == 0) return false;
            for (int i = k + 1; i < n; i++) lu[i + k * n] /= d;
            for (int j = k + 1; j < n; j++)
            {
                double ukj = lu[k + j * n];
                if (ukj == 0) continue;
                for (int i = k + 1; i < n; i++) lu[i + j * n] -= lu[i + k * n] * ukj;
            }
        }
        if (!(Math.Abs(det) > 1e-12) || !double.IsFinite(det)) return false;
        // Column j of the inverse solves L U x = P e_j.
        for (int j = 0; j < n; j++)
        {
            int col = j * n;
            for (int i = 0; i < n; i++) inv[i + col] = perm[i] == j ? 1 : 0;
            for (int k = 0; k < n; k++)
            {
                double xk = inv[k + col];
                if (xk == 0) continue;
                for (int i = k + 1; i < n; i++) inv[i + col] -= lu[i + k * n] * xk;
            }
            for (int k = n - 1; k >= 0; k--)
            {
                double xk = inv[k + col] /= lu[k + k * n];
                if (xk == 0) continue;
                for (int i = 0; i < k; i++) inv[i + col] -= lu[i + k * n] * xk;
            }
        }
        return true;
    }
}
