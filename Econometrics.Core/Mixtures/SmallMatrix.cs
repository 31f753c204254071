namespace Econometrics.Mixtures;

/// <summary>
/// Dense kernels for the tiny (q ≤ 3, m and G small) symmetric systems of the per-person likelihood. A BLAS call per
/// 3 x 3 block costs more than the arithmetic, so these stay in managed loops; the person loop is the batch.
/// </summary>
internal static class SmallMatrix
{
    /// <summary>In-place lower Cholesky of the n x n row-major matrix a; false when not positive definite.</summary>
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

    /// <summary>log det from a Cholesky factor.</summary>
    public static double LogDet(ReadOnlySpan<double> l, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.Log(l[i * n + i]);
        return 2 * s;
    }

    /// <summary>Solves (L Lᵀ) x = b in place.</summary>
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

    /// <summary>Writes (L Lᵀ)⁻¹ into inv.</summary>
    public static void Inverse(ReadOnlySpan<double> l, int n, Span<double> inv)
    {
        Span<double> col = stackalloc double[n];
        for (int j = 0; j < n; j++)
        {
            col.Clear(); col[j] = 1;
            Solve(l, n, col);
            for (int i = 0; i < n; i++) inv[i * n + j] = col[i];
        }
    }

    /// <summary>Inverse and log determinant of a symmetric positive-definite matrix; false when it is not.</summary>
    public static bool InverseSpd(ReadOnlySpan<double> a, int n, Span<double> inv, out double logDet)
    {
        Span<double> l = stackalloc double[n * n];
        a.CopyTo(l);
        logDet = double.NaN;
        if (!Cholesky(l, n)) return false;
        logDet = LogDet(l, n);
        Inverse(l, n, inv);
        return true;
    }

    /// <summary>Floors the eigenvalues of a symmetric matrix at <paramref name="floor"/>; true when it changed.</summary>
    public static bool FloorEigenvalues(double[] a, int n, double floor)
    {
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (i, j) => 0.5 * (a[i * n + j] + a[j * n + i]));
        var evd = m.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var ev = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, i => evd.EigenValues[i].Real);
        if (ev.Minimum() >= floor) return false;
        var d = ev.Map(v => Math.Max(v, floor));
        var r = evd.EigenVectors * MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DiagonalOfDiagonalVector(d) * evd.EigenVectors.Transpose();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i * n + j] = 0.5 * (r[i, j] + r[j, i]);
        return true;
    }
}
