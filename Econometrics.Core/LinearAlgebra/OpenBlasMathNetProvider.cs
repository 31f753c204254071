using System.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Econometrics.LinearAlgebra;

/// <summary>A Math.NET linear-algebra provider that sends dense double products and factorizations to OpenBLAS.</summary>
/// <remarks>
/// Math.NET's managed provider is sealed, so this composes it: the five double operations that dominate run time
/// (matrix multiply with and without update, Cholesky, symmetric eigendecomposition, SVD) go to
/// <see cref="OpenBlasLinearAlgebra"/>, and everything else is forwarded. Small products stay managed because the
/// P/Invoke and pinning overhead outweighs BLAS below a few thousand flops.
/// </remarks>
public sealed partial class OpenBlasMathNetProvider : ILinearAlgebraProvider
{
    private const int SmallWork = 4096;
    private readonly ManagedLinearAlgebraProvider _managed = new();
    private readonly OpenBlasLinearAlgebra _native;

    /// <summary>Creates the provider over a loaded OpenBLAS backend.</summary>
    /// <param name="native">The OpenBLAS backend.</param>
    public OpenBlasMathNetProvider(OpenBlasLinearAlgebra native) => _native = native;

    /// <inheritdoc/>
    public bool IsAvailable() => true;

    /// <inheritdoc/>
    public void InitializeVerify() { }

    /// <inheritdoc/>
    public void FreeResources() { }

    /// <inheritdoc/>
    public override string ToString() => $"{_native.Name} via P/Invoke ({_native.Threads} threads)";

    /// <inheritdoc/>
    public void MatrixMultiply(double[] x, int rowsX, int columnsX, double[] y, int rowsY, int columnsY, double[] result) =>
        MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, x, rowsX, columnsX, y, rowsY, columnsY, 0.0, result);

    /// <inheritdoc/>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, double alpha, double[] a, int rowsA, int columnsA,
        double[] b, int rowsB, int columnsB, double beta, double[] c)
    {
        bool ta = transposeA != Transpose.DontTranspose, tb = transposeB != Transpose.DontTranspose;
        int m = ta ? columnsA : rowsA, k = ta ? rowsA : columnsA, n = tb ? rowsB : columnsB;
        if ((long)m * n * k < SmallWork)
            _managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);
        else
            _native.Gemm(ta, tb, m, n, k, alpha, a, b, beta, c);
    }

    /// <inheritdoc/>
    public void CholeskyFactor(double[] a, int order)
    {
        if (!_native.TryCholesky(order, a))
            throw new ArgumentException("Matrix must be positive definite.", nameof(a));
    }

    /// <inheritdoc/>
    public void EigenDecomp(bool isSymmetric, int order, double[] matrix, double[] matrixEv, Complex[] vectorEv, double[] matrixD)
    {
        if (!isSymmetric)
        {
            _managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
            return;
        }
        Array.Copy(matrix, matrixEv, order * order);
        var w = new double[order];
        _native.SymmetricEigen(order, matrixEv, w);
        Array.Clear(matrixD, 0, order * order);
        for (int i = 0; i < order; i++)
        {
            vectorEv[i] = new Complex(w[i], 0.0);
            matrixD[i * order + i] = w[i];
        }
    }

    /// <inheritdoc/>
    public void SingularValueDecomposition(bool computeVectors, double[] a, int rowsA, int columnsA, double[] s, double[] u, double[] vt)
    {
        if (!computeVectors)
        {
            _managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
            return;
        }
        _native.SvdFull(rowsA, columnsA, a, s, u, vt);
    }
}
