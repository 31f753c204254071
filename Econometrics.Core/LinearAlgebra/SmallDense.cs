using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.LinearAlgebra;

/// <summary>
/// Managed kernels for tiny dense symmetric systems (order up to a few dozen): the per-subset normal equations of
/// invariant causal prediction, the per-person blocks of the growth-mixture likelihood, the implied regressions of a
/// linear SEM. A P/Invoke call per 3 x 3 block costs more than the arithmetic, so these stay in loops over spans;
/// larger problems go through <see cref="ILinearAlgebra"/>. The loops are compiled fully optimized on first use
/// (AggressiveOptimization), since a single model fit calls them too few times for tiered compilation to optimize them.
/// </summary>
/// <remarks>
/// Matrices are n x n and square, so row- and column-major storage coincide for the symmetric inputs; factors are
/// lower triangular in row-major order (<c>l[i * n + j]</c>, <c>j &lt;= i</c>), and the strict upper triangle is zeroed.
/// </remarks>
internal static class SmallDense
{
    /// <summary>In-place Cholesky factor <c>A = L L'</c> of the n x n matrix a; false when A is not positive definite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Cholesky(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
            if (!(d > 0) || !double.IsFinite(d)) return false;
            d = Math.Sqrt(d);
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = s / d;
            }
            for (int i = 0; i < j; i++) a[i * n + j] = 0;
        }
        return true;
    }

    /// <summary><c>log det A = 2 sum log L_ii</c> from the Cholesky factor of A.</summary>
    public static double LogDeterminant(ReadOnlySpan<double> l, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.Log(l[i * n + i]);
        return 2 * s;
    }

    /// <summary><c>log det A = 2 sum log L_ii</c> from a Math.NET Cholesky factor of A.</summary>
    public static double LogDeterminant(Matrix<double> choleskyFactor)
    {
        double s = 0;
        for (int i = 0; i < choleskyFactor.RowCount; i++) s += Math.Log(choleskyFactor[i, i]);
        return 2 * s;
    }

    /// <summary>Solves <c>L L' x = b</c> in place by forward and back substitution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * n + k] * b[k];
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /// <summary>Writes <c>(L L')^-1</c> into inv (n x n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Inverse(ReadOnlySpan<double> l, int n, Span<double> inv)
    {
        Span<double> col = n <= 64 ? stackalloc double[n] : new double[n];
        for (int j = 0; j < n; j++)
        {
            col.Clear();
            col[j] = 1;
            Solve(l, n, col);
            for (int i = 0; i < n; i++) inv[i * n + j] = col[i];
        }
    }

    /// <summary>The diagonal of <c>(L L')^-1</c>: the variance factors of least-squares coefficients.</summary>
    public static void InverseDiagonal(ReadOnlySpan<double> l, int n, Span<double> diag)
    {
        Span<double> col = n <= 64 ? stackalloc double[n] : new double[n];
        for (int j = 0; j < n; j++)
        {
            col.Clear();
            col[j] = 1;
            Solve(l, n, col);
            diag[j] = col[j];
        }
    }

    /// <summary>Inverse and log determinant of a symmetric positive definite matrix; false when it is not.</summary>
    public static bool TryInvertSpd(ReadOnlySpan<double> a, int n, Span<double> inv, out double logDeterminant)
    {
        Span<double> l = n <= 16 ? stackalloc double[n * n] : new double[n * n];
        a.CopyTo(l);
        logDeterminant = double.NaN;
        if (!Cholesky(l, n)) return false;
        logDeterminant = LogDeterminant(l, n);
        Inverse(l, n, inv);
        return true;
    }

    /// <summary>
    /// The inverse of a small symmetric positive definite matrix by Cholesky, or null when it is not positive definite (Math.NET's
    /// factorizations hand their column loops to the thread pool, see <see cref="Product"/>).
    /// </summary>
    public static Matrix<double>? InverseSpd(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.RowCount;
        var inv = new double[n * n];
        return TryInvertSpd(a.ToColumnMajorArray(), n, inv, out _) ? Matrix<double>.Build.Dense(n, n, inv) : null;
    }

    /// <summary>log det A of a small symmetric positive definite matrix by Cholesky; NaN when it is not positive definite.</summary>
    public static double LogDeterminantSpd(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.RowCount;
        var l = a.ToColumnMajorArray();
        return Cholesky(l, n) ? LogDeterminant(l, n) : double.NaN;
    }

    /// <summary>
    /// The product A B of small dense matrices in plain loops. Math.NET's managed provider hands products above a few hundred
    /// elements to the thread pool, whose hand-offs cost more than the arithmetic at these sizes (and much more on a loaded
    /// machine).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Matrix<double> Product(Matrix<double> a, Matrix<double> b)
    {
        ArgumentNullException.ThrowIfNull(a); ArgumentNullException.ThrowIfNull(b);
        if (a.ColumnCount != b.RowCount) throw new ArgumentException($"A is {a.RowCount} x {a.ColumnCount} but B has {b.RowCount} rows.", nameof(b));
        int m = a.RowCount, k = a.ColumnCount, n = b.ColumnCount;
        var r = new double[m * n];
        MultiplyAdd(a.AsColumnMajorArray() ?? a.ToColumnMajorArray(), m, m, b.AsColumnMajorArray() ?? b.ToColumnMajorArray(), k, n, r);
        return Matrix<double>.Build.Dense(m, n, r);
    }

    /// <summary>
    /// R += X Y over column-major arrays: X is rows x inner with leading dimension <paramref name="ldx"/> (so the first rows of a
    /// taller matrix need no copy), Y is inner x cols, R rows x cols. Zero entries of Y are skipped (model matrices are sparse).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MultiplyAdd(double[] x, int rows, int ldx, double[] y, int inner, int cols, double[] r)
    {
        for (int j = 0; j < cols; j++)
            for (int l = 0; l < inner; l++)
            {
                double ylj = y[l + j * inner];
                if (ylj == 0) continue;
                int xl = l * ldx, rj = j * rows;
                for (int i = 0; i < rows; i++) r[rj + i] += x[xl + i] * ylj;
            }
    }

    /// <summary>The cross product X' X of a small dense matrix (exactly symmetric), in plain loops (see <see cref="Product"/>).</summary>
    public static Matrix<double> CrossProduct(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.RowCount, k = x.ColumnCount;
        var a = x.AsColumnMajorArray() ?? x.ToColumnMajorArray();
        return Matrix<double>.Build.Dense(k, k, CrossProduct(a, a, n, k));
    }

    /// <summary>X' Y for column-major rows x cols arrays whose product is symmetric: the upper triangle, mirrored (exactly symmetric).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double[] CrossProduct(double[] x, double[] y, int rows, int cols)
    {
        var r = new double[cols * cols];
        for (int j = 0; j < cols; j++)
            for (int i = 0; i <= j; i++)
            {
                double sum = 0;
                int xi = i * rows, yj = j * rows;
                for (int t = 0; t < rows; t++) sum += x[xi + t] * y[yj + t];
                r[i + j * cols] = r[j + i * cols] = sum;
            }
        return r;
    }

    /// <summary>tr(A B) = sum_ij A_ij B_ji without forming the product.</summary>
    public static double TraceOfProduct(Matrix<double> a, Matrix<double> b)
    {
        ArgumentNullException.ThrowIfNull(a); ArgumentNullException.ThrowIfNull(b);
        double sum = 0;
        for (int i = 0; i < a.RowCount; i++)
            for (int j = 0; j < a.ColumnCount; j++) sum += a[i, j] * b[j, i];
        return sum;
    }

    /// <summary>
    /// Floors the eigenvalues of the symmetric part of a at <paramref name="floor"/> (the nearest matrix in Frobenius
    /// norm with that smallest eigenvalue); true when it changed a.
    /// </summary>
    public static bool FloorEigenvalues(double[] a, int n, double floor)
    {
        var m = Matrix<double>.Build.Dense(n, n, (i, j) => 0.5 * (a[i * n + j] + a[j * n + i]));
        var evd = m.Evd(Symmetricity.Symmetric);
        var ev = Vector<double>.Build.Dense(n, i => evd.EigenValues[i].Real);
        if (ev.Minimum() >= floor) return false;
        var d = ev.Map(v => Math.Max(v, floor));
        var r = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(d) * evd.EigenVectors.Transpose();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i * n + j] = 0.5 * (r[i, j] + r[j, i]);
        return true;
    }
}
