using System.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Econometrics.LinearAlgebra;

/// <summary>The always-available backend: Math.NET Numerics' managed provider.</summary>
/// <remarks>
/// Holds its own <see cref="ManagedLinearAlgebraProvider"/> instance rather than going through Math.NET's global
/// <c>LinearAlgebraControl.Provider</c>, so no setting of that global changes its results.
/// </remarks>
public sealed class ManagedLinearAlgebra : ILinearAlgebra
{
    private readonly ManagedLinearAlgebraProvider _p = new();

    /// <inheritdoc/>
    public string Name => $"managed (Math.NET Numerics {typeof(ManagedLinearAlgebraProvider).Assembly.GetName().Version?.ToString(3)})";

    /// <inheritdoc/>
    public int Threads => MathNet.Numerics.Control.MaxDegreeOfParallelism;

    /// <inheritdoc/>
    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c)
    {
        Shape.Require(a, m * k, nameof(a)); Shape.Require(b, k * n, nameof(b)); Shape.Require(c, m * n, nameof(c));
        if (m == 0 || n == 0) return;
        _p.MatrixMultiplyWithUpdate(
            transA ? Transpose.Transpose : Transpose.DontTranspose,
            transB ? Transpose.Transpose : Transpose.DontTranspose,
            alpha, a, transA ? k : m, transA ? m : k, b, transB ? n : k, transB ? k : n, beta, c);
    }

    /// <inheritdoc/>
    public void Syrk(bool trans, int n, int k, double alpha, double[] a, double beta, double[] c)
    {
        // A A' (or A' A) through GEMM: the managed provider has no SYRK, and the product is symmetric by construction.
        Gemm(trans, !trans, n, n, k, alpha, a, a, beta, c);
        Shape.Symmetrize(c, n);
    }

    /// <inheritdoc/>
    public void SymmetricEigen(int n, double[] a, double[] w)
    {
        Shape.Require(a, n * n, nameof(a)); Shape.Require(w, n, nameof(w));
        var vectors = new double[n * n];
        var values = new Complex[n];
        var d = new double[n * n];
        _p.EigenDecomp(true, n, a, vectors, values, d);
        for (int i = 0; i < n; i++) w[i] = values[i].Real;
        Array.Copy(vectors, a, n * n);
    }

    /// <inheritdoc/>
    public void Svd(int m, int n, double[] a, double[] s, double[] u, double[] vt)
    {
        Shape.Require(a, m * n, nameof(a));
        int r = Math.Min(m, n);
        Shape.Require(s, r, nameof(s)); Shape.Require(u, m * r, nameof(u)); Shape.Require(vt, r * n, nameof(vt));
        if (m >= n) ThinSvdTall(m, n, a, s, u, vt);
        else
        {
            // A' = V S U' is tall: decompose it and swap the roles of U and V.
            var at = Shape.Transpose(a, m, n);
            var v = new double[n * m];
            var ut = new double[m * m];
            ThinSvdTall(n, m, at, s, v, ut);
            Array.Copy(Shape.Transpose(ut, m, m), u, m * m);
            Array.Copy(Shape.Transpose(v, n, m), vt, m * n);
        }
    }

    // Thin QR first (A = Q R), then the square SVD of R: avoids Math.NET's full m x m U for tall matrices.
    private void ThinSvdTall(int m, int n, double[] a, double[] s, double[] u, double[] vt)
    {
        var q = (double[])a.Clone();
        var rr = new double[n * n];
        var tau = new double[n];
        _p.ThinQRFactor(q, m, n, rr, tau);
        var ur = new double[n * n];
        var vtr = new double[n * n];
        _p.SingularValueDecomposition(true, rr, n, n, s, ur, vtr);
        Gemm(false, false, m, n, n, 1.0, q, ur, 0.0, u);
        Array.Copy(vtr, vt, n * n);
    }

    /// <inheritdoc/>
    public bool TryCholesky(int n, double[] a)
    {
        Shape.Require(a, n * n, nameof(a));
        try { _p.CholeskyFactor(a, n); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <inheritdoc/>
    public void SolveLowerTriangular(int n, int nrhs, double[] l, double[] b)
    {
        Shape.Require(l, n * n, nameof(l)); Shape.Require(b, n * nrhs, nameof(b));
        // Column-oriented forward substitution: each step reads one contiguous column of L. Right-hand sides are
        // independent, so they run in parallel when there are many.
        void Column(int c)
        {
            int o = c * n;
            for (int k = 0; k < n; k++)
            {
                double x = b[o + k] /= l[k * n + k];
                if (x == 0) continue;
                for (int i = k + 1; i < n; i++) b[o + i] -= l[k * n + i] * x;
            }
        }
        if ((long)n * n * nrhs < 4_000_000) for (int c = 0; c < nrhs; c++) Column(c);
        else Parallel.For(0, nrhs, Column);
    }

    /// <inheritdoc/>
    public bool TrySolveSpd(int n, int nrhs, double[] a, double[] b)
    {
        Shape.Require(b, n * nrhs, nameof(b));
        var l = (double[])a.Clone();
        if (!TryCholesky(n, l)) return false;
        _p.CholeskySolveFactored(l, n, b, nrhs);
        return true;
    }

    /// <inheritdoc/>
    public bool TryInvertSpd(int n, double[] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var l = (double[])a.Clone();
        if (!TryCholesky(n, l)) return false;
        Array.Clear(a);
        for (int i = 0; i < n; i++) a[i * n + i] = 1.0;
        _p.CholeskySolveFactored(l, n, a, n);
        Shape.Symmetrize(a, n);
        return true;
    }

    /// <inheritdoc/>
    public void LeastSquares(int m, int n, int nrhs, double[] a, double[] b, double[] x)
    {
        Shape.Require(a, m * n, nameof(a)); Shape.Require(b, m * nrhs, nameof(b)); Shape.Require(x, n * nrhs, nameof(x));
        if (m < n) throw new ArgumentException($"Least squares needs at least as many rows as columns; got {m} x {n}.", nameof(a));
        var q = (double[])a.Clone();
        var r = new double[n * n];
        _p.ThinQRFactor(q, m, n, r, new double[n]);
        Shape.RequireFullRank(r, n, n, m);
        // X = R^-1 Q'B: one GEMM, then back substitution per right-hand side.
        Gemm(true, false, n, nrhs, m, 1.0, q, b, 0.0, x);
        for (int c = 0; c < nrhs; c++)
            for (int i = n - 1; i >= 0; i--)
            {
                double v = x[c * n + i];
                for (int j = i + 1; j < n; j++) v -= r[j * n + i] * x[c * n + j];
                x[c * n + i] = v / r[i * n + i];
            }
    }
}
