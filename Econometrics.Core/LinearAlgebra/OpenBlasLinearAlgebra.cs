using System.Runtime.InteropServices;

namespace Econometrics.LinearAlgebra;

/// <summary>The native backend: OpenBLAS for BLAS-3 and LAPACKE (on OpenBLAS's LAPACK) for factorizations.</summary>
/// <remarks>Create it with <see cref="TryLoad"/>; the constructor is private so an instance always has its libraries.</remarks>
public sealed unsafe class OpenBlasLinearAlgebra : ILinearAlgebra
{
    private OpenBlasLinearAlgebra(string config) => Name = config;

    /// <summary>How to install the native libraries on Debian or Ubuntu.</summary>
    public const string InstallHint = "install it with: sudo apt-get install libopenblas0 liblapacke";

    /// <summary>Loads OpenBLAS and LAPACKE and checks them with a small computation.</summary>
    /// <param name="backend">The backend when both libraries load.</param>
    /// <param name="reason">Why loading failed, otherwise null.</param>
    /// <returns>True when the backend is usable.</returns>
    public static bool TryLoad(out OpenBlasLinearAlgebra? backend, out string? reason)
    {
        backend = null;
        try
        {
            var config = Marshal.PtrToStringAnsi(OpenBlasNative.openblas_get_config()) ?? "OpenBLAS";
            var probe = new OpenBlasLinearAlgebra(config.Split(' ') is [var a, var b, ..] ? $"{a} {b}" : config);
            var spd = new double[] { 4, 2, 2, 3 };
            if (!probe.TryCholesky(2, spd) || Math.Abs(spd[0] - 2) > 1e-14)
            {
                reason = "OpenBLAS loaded but LAPACKE returned a wrong Cholesky factor.";
                return false;
            }
            backend = probe;
            reason = null;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            // The loader's own message is long and generic; name the libraries and the fix instead.
            reason = e is DllNotFoundException
                ? $"OpenBLAS or LAPACKE is not installed (libopenblas.so.0 and liblapacke.so.3 could not both be loaded); {InstallHint}."
                : $"OpenBLAS or LAPACKE is unusable ({e.GetType().Name}: {e.Message}); {InstallHint}.";
            return false;
        }
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Threads => OpenBlasNative.openblas_get_num_threads();

    /// <inheritdoc/>
    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c)
    {
        Shape.Require(a, m * k, nameof(a)); Shape.Require(b, k * n, nameof(b)); Shape.Require(c, m * n, nameof(c));
        if (m == 0 || n == 0) return;
        fixed (double* pa = a, pb = b, pc = c)
            OpenBlasNative.cblas_dgemm(OpenBlasNative.ColMajor,
                transA ? OpenBlasNative.Trans : OpenBlasNative.NoTrans, transB ? OpenBlasNative.Trans : OpenBlasNative.NoTrans,
                m, n, k, alpha, pa, Math.Max(1, transA ? k : m), pb, Math.Max(1, transB ? n : k), beta, pc, Math.Max(1, m));
    }

    /// <inheritdoc/>
    public void Syrk(bool trans, int n, int k, double alpha, double[] a, double beta, double[] c)
    {
        Shape.Require(a, n * k, nameof(a)); Shape.Require(c, n * n, nameof(c));
        if (n == 0) return;
        fixed (double* pa = a, pc = c)
            OpenBlasNative.cblas_dsyrk(OpenBlasNative.ColMajor, OpenBlasNative.Lower,
                trans ? OpenBlasNative.Trans : OpenBlasNative.NoTrans, n, k, alpha, pa, Math.Max(1, trans ? k : n), beta, pc, n);
        Shape.Symmetrize(c, n);
    }

    /// <inheritdoc/>
    public void SymmetricEigen(int n, double[] a, double[] w)
    {
        Shape.Require(a, n * n, nameof(a)); Shape.Require(w, n, nameof(w));
        if (n == 0) return;
        int info;
        fixed (double* pa = a, pw = w)
            info = OpenBlasNative.LAPACKE_dsyevd(OpenBlasNative.ColMajor, (byte)'V', (byte)'L', n, pa, n, pw);
        Check(info, "dsyevd");
    }

    /// <inheritdoc/>
    public void Svd(int m, int n, double[] a, double[] s, double[] u, double[] vt)
    {
        Shape.Require(a, m * n, nameof(a));
        int r = Math.Min(m, n);
        Shape.Require(s, r, nameof(s)); Shape.Require(u, m * r, nameof(u)); Shape.Require(vt, r * n, nameof(vt));
        if (r == 0) return;
        var work = (double[])a.Clone();
        int info;
        fixed (double* pa = work, ps = s, pu = u, pvt = vt)
            info = OpenBlasNative.LAPACKE_dgesdd(OpenBlasNative.ColMajor, (byte)'S', m, n, pa, m, ps, pu, m, pvt, r);
        Check(info, "dgesdd");
    }

    /// <inheritdoc/>
    public bool TryCholesky(int n, double[] a)
    {
        Shape.Require(a, n * n, nameof(a));
        int info;
        fixed (double* pa = a)
            info = OpenBlasNative.LAPACKE_dpotrf(OpenBlasNative.ColMajor, (byte)'L', n, pa, n);
        if (info > 0) return false;
        Check(info, "dpotrf");
        for (int j = 1; j < n; j++)
            for (int i = 0; i < j; i++)
                a[j * n + i] = 0.0;
        return true;
    }

    /// <inheritdoc/>
    public void SolveLowerTriangular(int n, int nrhs, double[] l, double[] b)
    {
        Shape.Require(l, n * n, nameof(l)); Shape.Require(b, n * nrhs, nameof(b));
        if (n == 0 || nrhs == 0) return;
        fixed (double* pl = l, pb = b)
            OpenBlasNative.cblas_dtrsm(OpenBlasNative.ColMajor, OpenBlasNative.Left, OpenBlasNative.Lower, OpenBlasNative.NoTrans,
                OpenBlasNative.NonUnit, n, nrhs, 1.0, pl, n, pb, n);
    }

    /// <inheritdoc/>
    public bool TrySolveSpd(int n, int nrhs, double[] a, double[] b)
    {
        Shape.Require(a, n * n, nameof(a)); Shape.Require(b, n * nrhs, nameof(b));
        var l = (double[])a.Clone();
        int info;
        fixed (double* pa = l, pb = b)
            info = OpenBlasNative.LAPACKE_dposv(OpenBlasNative.ColMajor, (byte)'L', n, nrhs, pa, n, pb, Math.Max(1, n));
        if (info > 0) return false;
        Check(info, "dposv");
        return true;
    }

    /// <inheritdoc/>
    public bool TryInvertSpd(int n, double[] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!TryCholesky(n, a)) return false;
        int info;
        fixed (double* pa = a)
            info = OpenBlasNative.LAPACKE_dpotri(OpenBlasNative.ColMajor, (byte)'L', n, pa, n);
        if (info > 0) return false;
        Check(info, "dpotri");
        Shape.Symmetrize(a, n);
        return true;
    }

    /// <inheritdoc/>
    public void LeastSquares(int m, int n, int nrhs, double[] a, double[] b, double[] x)
    {
        Shape.Require(a, m * n, nameof(a)); Shape.Require(b, m * nrhs, nameof(b)); Shape.Require(x, n * nrhs, nameof(x));
        if (m < n) throw new ArgumentException($"Least squares needs at least as many rows as columns; got {m} x {n}.", nameof(a));
        var qa = (double[])a.Clone();
        var qb = (double[])b.Clone();
        int info;
        fixed (double* pa = qa, pb = qb)
            info = OpenBlasNative.LAPACKE_dgels(OpenBlasNative.ColMajor, (byte)'N', m, n, nrhs, pa, m, pb, m);
        if (info > 0)
            throw new ArgumentException("The design matrix does not have full column rank.", nameof(a));
        Check(info, "dgels");
        Shape.RequireFullRank(qa, m, n, m);
        for (int j = 0; j < nrhs; j++)
            Array.Copy(qb, j * m, x, j * n, n);
    }

    private static void Check(int info, string routine)
    {
        if (info < 0) throw new ArgumentException($"LAPACK {routine} rejected argument {-info}.");
        if (info > 0) throw new ArithmeticException($"LAPACK {routine} did not converge (info = {info}).");
    }
}
